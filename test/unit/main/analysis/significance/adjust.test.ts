/** Bonferroni and Benjamini–Hochberg against R p.adjust on the same p-values. */
import { describe, expect, it } from 'vitest';
import { benjaminiHochberg, bonferroni } from '../../../../../src/main/analysis/significance';
import { rReference } from './references';

describe('multiple-comparison adjustments against R p.adjust', () => {
  const { adjust } = rReference();

  it('Bonferroni: min(1, m·p)', () => {
    adjust.p.forEach((p, i) =>
      expect(bonferroni(p, adjust.p.length)).toBeCloseTo(adjust.bonferroni[i]!, 15),
    );
  });

  it('Benjamini–Hochberg, with ties and in the order given', () => {
    const ours = benjaminiHochberg(adjust.p);
    ours.forEach((value, i) => expect(value).toBeCloseTo(adjust.BH[i]!, 14));
  });

  it('an empty family adjusts nothing', () => {
    expect(benjaminiHochberg([])).toEqual([]);
  });
});

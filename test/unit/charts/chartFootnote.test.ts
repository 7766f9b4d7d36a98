import { describe, expect, it } from 'vitest';
import { chartFootnote } from '../../../src/shared/charts/chartFootnote';
import { energyByCountry } from './tableFixture';

const table = { rows: ['energy'], columns: [{ variables: ['country'] }] };

describe('chartFootnote', () => {
  it('gives the unweighted base of every plotted column, names low bases and the letters, then the table footnote', () => {
    expect(chartFootnote(energyByCountry, { kind: 'bar', table, value: 'colPct' })).toEqual([
      'Base (unweighted n): Total 1,000 · Germany 400 · Italy 350 · France 225 · South Korea 25.',
      'Low base (under 30), read with care: South Korea (n = 25).',
      'Letters: A Germany · B Italy · C France · D South Korea. A letter beside a value: significantly higher than that column.',
      'Unweighted; all respondents; letters: 95% confidence.',
    ]);
  });

  it('leaves the Total column out of the bases when the chart hides it', () => {
    const lines = chartFootnote(energyByCountry, {
      kind: 'bar',
      table: { ...table, lowBase: 20 },
      value: 'colPct',
      hideTotal: true,
    });
    expect(lines[0]).toBe(
      'Base (unweighted n): Germany 400 · Italy 350 · France 225 · South Korea 25.',
    );
  });
});

describe('chartFootnote of a question not everyone was asked', () => {
  it('names the question’s own bases, not the respondents in each column', () => {
    const stubBases = [1000, 400, 350, 225, 25].map((n) => ({
      n: n - 5,
      wn: n - 5,
      effective: n - 5,
      lowBase: n - 5 < 30,
    }));
    const lines = chartFootnote(
      { ...energyByCountry, stubBases: [{ variable: 'energy', bases: stubBases }] },
      { kind: 'bar', table, value: 'colPct' },
    );
    expect(lines[0]).toBe(
      'Base (unweighted n): Total 995 · Germany 395 · Italy 345 · France 220 · South Korea 20.',
    );
  });
});

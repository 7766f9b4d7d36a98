import { describe, expect, it } from 'vitest';
import { sideBySidePanels } from '../../../src/shared/charts/sideBySidePanels';
import { tableDecimals } from '../../../src/shared/domain/tableFormat';
import { energyByCountry } from './tableFixture';

describe('sideBySidePanels', () => {
  const sideBySide = sideBySidePanels(energyByCountry, tableDecimals());

  it('makes one panel per value of the dimension, without the Total', () => {
    expect(sideBySide.panels.map((p) => `${p.letter} ${p.label} ${p.base}`)).toEqual([
      'A Germany 400',
      'B Italy 350',
      'C France 225',
      'D South Korea 25',
    ]);
    expect(sideBySide.panels[3]!.lowBase).toBe(true);
    expect(sideBySide.categories).toEqual(['Creators', 'Contributors', 'Viewers']);
  });

  it('puts every panel on one scale: the round top above the largest share anywhere', () => {
    // The largest share is Italy's 77% viewers (Germany 77%, too): every panel runs to 80%.
    expect(sideBySide.axisMax).toBe(80);
  });

  it('keeps the letters of the panels a value is higher than, and ▲/▼ against the rest', () => {
    const korea = sideBySide.panels[3]!;
    expect(korea.bars[0]).toMatchObject({ text: '60%', letters: 'AC', mark: '▲' });
    expect(korea.bars[2]).toMatchObject({ text: '20%', letters: '', mark: '▼' });
    expect(sideBySide.panels[0]!.bars[0]).toMatchObject({ text: '3%', mark: '▼' });
  });
});

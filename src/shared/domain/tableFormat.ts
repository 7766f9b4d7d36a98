/**
 * How a table's numbers read as text: one formatter for the screen, the chart labels, the deck
 * and the PDF, so a 52% on screen is a 52% on the slide. (The Excel tab book writes numbers as
 * numbers with the same decimals as a number format.) Locale-free on purpose: a client deck
 * must not change its decimal point with the machine it was made on.
 */
import type { TableSpec } from './table';

export type NumberKind = 'percent' | 'mean' | 'count' | 'weightedCount' | 'index' | 'base';

export interface Decimals {
  percent: number;
  mean: number;
  count: number;
}

/** The table's decimals with the workbench defaults: 0 for %, 2 for means, 0 for counts. */
export function tableDecimals(spec?: Pick<TableSpec, 'decimals'>): Decimals {
  return {
    percent: spec?.decimals?.percent ?? 0,
    mean: spec?.decimals?.mean ?? 2,
    count: spec?.decimals?.count ?? 0,
  };
}

function grouped(value: number, decimals: number): string {
  const fixed = Math.abs(value).toFixed(decimals);
  const [whole = '0', fraction] = fixed.split('.');
  const withCommas = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const sign = value < 0 && Number(fixed) !== 0 ? '-' : '';
  return `${sign}${withCommas}${fraction ? `.${fraction}` : ''}`;
}

/** A number of the given kind as text; '–' where there is none. Percentages are 0–100. */
export function formatNumber(
  value: number | null | undefined,
  kind: NumberKind,
  decimals: Decimals = tableDecimals(),
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  switch (kind) {
    case 'percent':
      return `${grouped(value, decimals.percent)}%`;
    case 'mean':
      return grouped(value, decimals.mean);
    case 'count':
      return grouped(value, decimals.count);
    case 'weightedCount':
    case 'base':
      return grouped(value, Number.isInteger(value) ? 0 : 1);
    case 'index':
      return grouped(value, 0);
  }
}

/** A cell's number with its significance letters and marks beside it, as printed on a slide. */
export function formatWithLetters(text: string, sig?: string, marks?: string): string {
  const extra = `${sig ?? ''}${marks ?? ''}`;
  return extra ? `${text} ${extra}` : text;
}

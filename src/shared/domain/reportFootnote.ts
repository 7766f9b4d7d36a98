/**
 * The footnote under every chart and table of a report: question, bases (unweighted, weighted,
 * effective), filter, weight, significance (preset, levels, test), source waves and countries.
 * The one formatter for the report view, the deck, the PDF and the report's tab book, so they
 * agree digit for digit; numbers through tableFormat.
 */
import type { FootnoteFacts, RenderedItem } from './report';
import { formatNumber } from './tableFormat';

const presetNames: Record<FootnoteFacts['preset'], string> = {
  spss: 'SPSS',
  dimensions: 'Dimensions',
  q: 'Q',
};

const testNames: Record<string, string> = {
  'z-pooled-proportion': 'column proportions z-test (pooled)',
  'z-unpooled-proportion': 'column proportions z-test (unpooled)',
  't-test': 't-test of means',
  'welch-t': 'Welch t-test of means',
};

/** A confidence level as a percentage: 0.95 → "95%", 0.995 → "99.5%". */
function level(value: number): string {
  const percent = Math.round(value * 1000) / 10;
  return formatNumber(percent, 'percent', {
    percent: Number.isInteger(percent) ? 0 : 1,
    mean: 2,
    count: 0,
  });
}

function list(values: string[]): string {
  return values.length === 0 ? '–' : values.join(', ');
}

export function reportFootnote(facts: FootnoteFacts): string {
  const question = facts.questions
    .map((q) => (q.label && q.label !== q.name ? `${q.name}: ${q.label}` : q.name))
    .join('; ');
  const filters = [
    facts.filter,
    facts.repeat ? `${facts.repeat.variable} = ${facts.repeat.label}` : undefined,
  ].filter((f): f is string => Boolean(f));
  const base = facts.weighted
    ? `unweighted ${formatNumber(facts.base.n, 'base')}, weighted ${formatNumber(facts.base.wn, 'base')}, effective ${formatNumber(facts.base.effective, 'base')}`
    : `unweighted ${formatNumber(facts.base.n, 'base')}`;
  const levels = facts.levels.map(level);
  const letters =
    levels.length > 1
      ? `letters in upper case at ${levels[0]}, in lower case at ${levels[1]}`
      : `letters at ${levels[0] ?? '95%'}`;
  const test = facts.test ? (testNames[facts.test] ?? facts.test) : 'column proportions test';
  const adjustment = facts.adjustment
    ? `, ${facts.adjustment.charAt(0).toUpperCase()}${facts.adjustment.slice(1)}-adjusted`
    : '';
  return [
    question ? `Question: ${question}.` : '',
    `Base: ${filters.length ? filters.join(' and ') : 'all respondents'} with an answer; ${base}.`,
    `Weight: ${facts.weighted ? (facts.weight ?? 'weighted') : 'none (unweighted)'}.`,
    `Significance: ${presetNames[facts.preset]} preset, ${test}${adjustment}, ${letters}.`,
    `Source: waves ${list(facts.waves)}; countries ${list(facts.countries)}.`,
  ]
    .filter(Boolean)
    .join(' ');
}

/** The footnote an export prints under an item: the user's own where given, else the automatic one. */
export function printedFootnote(item: Extract<RenderedItem, { kind: 'chart' | 'table' }>): string {
  return item.ownFootnote ?? item.footnote;
}

/** A page's footnote lines: one per chart or table, led by its title when the page has several. */
export function pageFootnotes(items: readonly RenderedItem[]): string[] {
  const noted = items.filter(
    (item): item is Extract<RenderedItem, { kind: 'chart' | 'table' }> =>
      item.kind === 'chart' || item.kind === 'table',
  );
  return noted.map((item) => {
    const text = printedFootnote(item);
    return noted.length > 1 ? `${item.title} — ${text}` : text;
  });
}

/**
 * Guesses a CSV file's delimiter and quote character from its first lines, because agencies
 * export with `,`, `;` (Excel in most of Europe), TAB or `|` and rarely say which. The delimiter
 * is the candidate that splits the first records (outside quotes) into the same number of fields,
 * more than one, most consistently; ties go to the one giving more fields, then to the order
 * `,` `;` TAB `|`. The quote is `"` unless fields are wrapped in `'` and never in `"`.
 */
import { ApiError } from '../../../shared/api/apiTypes';

export const DELIMITERS = [0x2c, 0x3b, 0x09, 0x7c] as const;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;
const LF = 0x0a;
const CR = 0x0d;
const SAMPLE_RECORDS = 50;

/** The byte of a delimiter option: one of , ; | or TAB (also spelled `\t` or `tab`). */
export function delimiterByte(option: string, file: string): number {
  const spelled = option === '\\t' || option.toLowerCase() === 'tab' ? '\t' : option;
  const byte = spelled.length === 1 ? spelled.charCodeAt(0) : -1;
  if (!(DELIMITERS as readonly number[]).includes(byte))
    throw new ApiError(
      'invalid-input',
      `${file}: the delimiter must be one of , ; | or TAB, not ${JSON.stringify(option)}`,
    );
  return byte;
}

function isFieldEdge(byte: number | undefined): boolean {
  return (
    byte === undefined ||
    byte === LF ||
    byte === CR ||
    (DELIMITERS as readonly number[]).includes(byte)
  );
}

/** `'` when at least two fields are wrapped in it and none in `"`; else `"`. */
export function sniffQuote(sample: Uint8Array): number {
  let double = 0;
  let single = 0;
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if ((b !== DOUBLE_QUOTE && b !== SINGLE_QUOTE) || !isFieldEdge(sample[i - 1])) continue;
    const close = sample.indexOf(b, i + 1);
    if (close < 0 || !isFieldEdge(sample[close + 1])) continue;
    if (b === DOUBLE_QUOTE) double++;
    else single++;
    i = close;
  }
  return single >= 2 && double === 0 ? SINGLE_QUOTE : DOUBLE_QUOTE;
}

/** Field counts of the sample's first records for one delimiter; quoted newlines stay inside. */
function fieldCounts(
  sample: Uint8Array,
  delimiter: number,
  quote: number,
  complete: boolean,
): number[] {
  const counts: number[] = [];
  let fields = 1;
  let inQuotes = false;
  let lineHasContent = false;
  for (let i = 0; i < sample.length && counts.length < SAMPLE_RECORDS; i++) {
    const b = sample[i]!;
    if (inQuotes) {
      if (b === quote) inQuotes = false;
      continue;
    }
    if (b === quote) inQuotes = true;
    else if (b === delimiter) fields++;
    else if (b === LF || b === CR) {
      if (lineHasContent) counts.push(fields);
      fields = 1;
      lineHasContent = false;
      continue;
    }
    lineHasContent = true;
  }
  // The last record counts only when the sample is the whole file (else it may be cut short).
  if (complete && lineHasContent && counts.length < SAMPLE_RECORDS) counts.push(fields);
  return counts;
}

/** The delimiter byte that best explains the sample (see the module comment); `,` when none does. */
export function sniffDelimiter(sample: Uint8Array, quote: number, complete: boolean): number {
  let best: number = DELIMITERS[0];
  let bestConsistency = 0;
  let bestFields = 0;
  for (const delimiter of DELIMITERS) {
    const counts = fieldCounts(sample, delimiter, quote, complete);
    if (counts.length === 0) continue;
    const frequency = new Map<number, number>();
    for (const count of counts) frequency.set(count, (frequency.get(count) ?? 0) + 1);
    let modeFields = 0;
    let modeCount = 0;
    for (const [fields, count] of frequency) {
      if (count > modeCount || (count === modeCount && fields > modeFields)) {
        modeFields = fields;
        modeCount = count;
      }
    }
    if (modeFields < 2) continue;
    const consistency = modeCount / counts.length;
    if (
      consistency > bestConsistency ||
      (consistency === bestConsistency && modeFields > bestFields)
    ) {
      best = delimiter;
      bestConsistency = consistency;
      bestFields = modeFields;
    }
  }
  return best;
}

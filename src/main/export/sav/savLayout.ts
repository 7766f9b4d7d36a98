/**
 * Where every variable lands in a system file. The dictionary records and the case data must
 * agree exactly on names, segments and 8-byte elements, so both are driven from one plan made
 * here, after checking the model (column kinds, widths) and making names valid and unique.
 */
import type { SavColumn, SavFile, SavVariable } from '../../import/sav/savModel';
import {
  assignShortNames,
  claimUnique,
  isValidVariableName,
  nameKey,
  sanitizeName,
} from './savNames';

export const MAX_STRING_WIDTH = 32767;
/** Widest string one variable record can hold; wider ones are split into segments (record 7.14). */
const SEGMENT_LIMIT = 255;
/**
 * Width budget per segment: a very long string of width w has ceil(w / 252) segments. The data
 * itself is packed 255 bytes per segment (as the PSPP guide and PSPP's reader have it), so the
 * last segment or two may carry fewer bytes than they declare, or none at all.
 */
const SEGMENT_BUDGET = 252;

export class SavWriteError extends Error {
  override readonly name = 'SavWriteError';
}

export interface SegmentLayout {
  shortName: string;
  /** 0 for numeric, else the width this segment's variable record declares. */
  allocWidth: number;
  /** Bytes of the full value carried by this segment. */
  usedBytes: number;
  /** Where this segment's bytes start within the full string value (255 per segment). */
  valueOffset: number;
  /** 8-byte data elements per case (1 for numeric). */
  elements: number;
}

export interface VariableLayout {
  source: SavVariable;
  column: SavColumn;
  /** The long name as written: valid and unique. */
  name: string;
  width: number;
  segments: SegmentLayout[];
  /** Dictionary index of the first variable record (counting continuation records). */
  dictIndex: number;
  /** Index of the variable's first 8-byte element within a case. */
  elementOffset: number;
}

export interface Layout {
  variables: VariableLayout[];
  /** 8-byte elements per case, which is also the number of variable records. */
  elementsPerCase: number;
  /** Long name (as written) by model name, for resolving weight and set references. */
  byModelName: Map<string, VariableLayout>;
}

function segmentsFor(width: number): Array<{ allocWidth: number; usedBytes: number }> {
  if (width === 0) return [{ allocWidth: 0, usedBytes: 0 }];
  if (width <= SEGMENT_LIMIT) return [{ allocWidth: width, usedBytes: width }];
  const count = Math.ceil(width / SEGMENT_BUDGET);
  return Array.from({ length: count }, (_, k) => ({
    allocWidth: k === count - 1 ? width - k * SEGMENT_BUDGET : SEGMENT_LIMIT,
    usedBytes: Math.max(0, Math.min(width - k * SEGMENT_LIMIT, SEGMENT_LIMIT)),
  }));
}

function checkColumns(file: SavFile): void {
  const { variables } = file.dictionary;
  if (file.columns.length !== variables.length) {
    throw new SavWriteError(
      `the file has ${variables.length} variables but ${file.columns.length} columns`,
    );
  }
  if (!Number.isSafeInteger(file.cases) || file.cases < 0) {
    throw new SavWriteError(`invalid case count ${file.cases}`);
  }
  variables.forEach((variable, i) => {
    const column = file.columns[i];
    const label = `variable ${i + 1} (${variable.name})`;
    if (
      !Number.isInteger(variable.width) ||
      variable.width < 0 ||
      variable.width > MAX_STRING_WIDTH
    ) {
      throw new SavWriteError(`${label}: invalid width ${variable.width}`);
    }
    const wantKind = variable.width === 0 ? 'numeric' : 'string';
    const kind = column?.kind === 'codes' ? 'numeric' : column?.kind;
    if (!column || kind !== wantKind) {
      throw new SavWriteError(
        `${label}: is ${wantKind} but its column is ${column?.kind ?? 'missing'}`,
      );
    }
    if (column.values.length < file.cases) {
      throw new SavWriteError(
        `${label}: column has ${column.values.length} values for ${file.cases} cases`,
      );
    }
  });
}

export function planLayout(file: SavFile, warn: (message: string) => void): Layout {
  checkColumns(file);
  const { variables } = file.dictionary;

  const taken = new Set<string>();
  const names = variables.map((variable, i) => {
    const valid = isValidVariableName(variable.name)
      ? variable.name
      : sanitizeName(variable.name, `v${i + 1}`);
    const unique = claimUnique(valid, taken);
    if (unique !== variable.name) {
      warn(
        `variable name "${variable.name}" is not valid or not unique in SPSS; written as "${unique}"`,
      );
    }
    return unique;
  });

  const segmentPlans = variables.map((variable) => segmentsFor(variable.width));
  const shortNames = assignShortNames(
    names,
    segmentPlans.map((plan) => plan.length),
  );

  let dictIndex = 0;
  let elementOffset = 0;
  const byModelName = new Map<string, VariableLayout>();
  const laid = variables.map((source, i): VariableLayout => {
    let valueOffset = 0;
    const segments = (segmentPlans[i] ?? []).map((plan, k): SegmentLayout => {
      const segment: SegmentLayout = {
        shortName: shortNames[i]?.[k] ?? '',
        allocWidth: plan.allocWidth,
        usedBytes: plan.usedBytes,
        valueOffset,
        elements: plan.allocWidth === 0 ? 1 : Math.ceil(plan.allocWidth / 8),
      };
      valueOffset += plan.usedBytes;
      return segment;
    });
    const layout: VariableLayout = {
      source,
      column: file.columns[i] as SavColumn,
      name: names[i] ?? source.name,
      width: source.width,
      segments,
      dictIndex,
      elementOffset,
    };
    const elements = segments.reduce((sum, segment) => sum + segment.elements, 0);
    dictIndex += elements;
    elementOffset += elements;
    if (!byModelName.has(source.name)) byModelName.set(source.name, layout);
    return layout;
  });

  // References (weight, sets) may use another case or the short name; resolve those too.
  for (const layout of laid) {
    for (const alias of [nameKey(layout.source.name), layout.source.shortName, layout.name]) {
      if (alias && !byModelName.has(alias)) byModelName.set(alias, layout);
    }
  }
  return { variables: laid, elementsPerCase: elementOffset, byModelName };
}

/** Finds the variable a model reference (weight, set member) means. */
export function resolveReference(layout: Layout, reference: string): VariableLayout | undefined {
  return layout.byModelName.get(reference) ?? layout.byModelName.get(nameKey(reference));
}

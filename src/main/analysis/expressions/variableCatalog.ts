/**
 * What the expression compiler may know about a study: its variables in codebook order, their
 * types and the texts that name each code. It is the only namespace an expression can reach, and
 * it is held in Maps keyed by lower-cased name, so `__proto__`, `constructor` and friends are
 * simply names no variable has — never a way into an object's prototype.
 */
import type { MissingSpec } from '../../../shared/domain/dataset';
import type { VariableType } from '../../../shared/domain/study';

export interface CatalogVariable {
  readonly name: string;
  readonly type: VariableType;
  /**
   * code → the texts that name it: the first is the display label, the others (labels in other
   * languages; for the system variable `country`, its ISO code such as "DE") also match a string
   * literal compared with the variable.
   */
  readonly valueLabels?: ReadonlyMap<number, readonly string[]>;
  /**
   * The variable's user-missing codes and ranges (SPSS's MISSING VALUES): in an expression they
   * read as missing, as in every table; `value(x)` reads the stored code. Text specs are ignored.
   */
  readonly userMissing?: readonly MissingSpec[];
}

export interface CatalogEntry extends CatalogVariable {
  /** Position in codebook order, for variable ranges (`q7a..q7e`). */
  readonly index: number;
}

/** How labels and text are compared: case-insensitively, ignoring surrounding blanks. */
export function normaliseText(text: string): string {
  return text.normalize('NFC').trim().toLowerCase();
}

export class VariableCatalog {
  private readonly entries: CatalogEntry[];
  private readonly byName = new Map<string, CatalogEntry[]>();
  /** Built on first use: most variables never meet a string literal. */
  private readonly labelIndex = new Map<number, Map<string, number[]>>();

  /** `variables` in codebook order. */
  constructor(variables: Iterable<CatalogVariable>) {
    this.entries = [...variables].map((variable, index) => ({ ...variable, index }));
    for (const entry of this.entries) {
      const key = entry.name.toLowerCase();
      const same = this.byName.get(key);
      if (same === undefined) this.byName.set(key, [entry]);
      else same.push(entry);
    }
  }

  get size(): number {
    return this.entries.length;
  }

  /** Every variable whose name equals `name` ignoring case (more than one means ambiguous). */
  find(name: string): readonly CatalogEntry[] {
    return this.byName.get(name.toLowerCase()) ?? [];
  }

  /** The variables from index `from` to `to` inclusive, in codebook order. */
  slice(from: number, to: number): readonly CatalogEntry[] {
    return this.entries.slice(from, to + 1);
  }

  /** The codes of `variable` one of whose label texts equals `text` (case-insensitively). */
  codesForLabel(variable: CatalogEntry, text: string): readonly number[] {
    let index = this.labelIndex.get(variable.index);
    if (index === undefined) {
      index = new Map();
      for (const [code, texts] of variable.valueLabels ?? []) {
        for (const label of texts) {
          const key = normaliseText(label);
          const codes = index.get(key);
          if (codes === undefined) index.set(key, [code]);
          else if (!codes.includes(code)) codes.push(code);
        }
      }
      this.labelIndex.set(variable.index, index);
    }
    return index.get(normaliseText(text)) ?? [];
  }
}

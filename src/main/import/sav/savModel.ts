/**
 * The in-memory shape of an SPSS system file (.sav / .zsav), shared by the reader and the
 * writer so that a file read and written back keeps everything the format can say.
 * Field meanings follow the "System File Format" chapter of the GNU PSPP developers' guide.
 */

/** A print or write format: type code (5 = F, 1 = A, 20 = DATE, …), field width, decimals. */
export interface SavFormat {
  type: number;
  width: number;
  decimals: number;
}

export type SavMeasure = 'unknown' | 'nominal' | 'ordinal' | 'scale';
export type SavAlignment = 'left' | 'right' | 'center';
export type SavRole = 'input' | 'target' | 'both' | 'none' | 'partition' | 'split';

/** User-missing values. Ranges are numeric only; `low`/`high` may be ±Infinity for LO/HI. */
export type SavMissing =
  | { kind: 'none' }
  | { kind: 'discrete'; values: Array<number | string> }
  | { kind: 'range'; low: number; high: number; discrete?: number };

export interface SavValueLabel {
  value: number | string;
  label: string;
}

export interface SavVariable {
  /** The long (up to 64 bytes) name, decoded. */
  name: string;
  /** The 8-byte short name stored in the variable record. */
  shortName: string;
  /** 0 for numeric, else the string width in bytes (very long strings as one variable, up to 32767). */
  width: number;
  label: string | null;
  printFormat: SavFormat;
  writeFormat: SavFormat;
  measure: SavMeasure;
  alignment: SavAlignment;
  /** Display width in characters (record 7.11). */
  displayWidth: number;
  role: SavRole;
  missing: SavMissing;
  valueLabels: SavValueLabel[];
  /** Custom variable attributes (record 7.18), attribute name → values. */
  attributes: Record<string, string[]>;
}

export interface SavMultiResponseSet {
  name: string;
  label: string;
  /** 'C' = multiple category set, 'D' = multiple dichotomy set. */
  type: 'categories' | 'dichotomies';
  /** For dichotomy sets: the counted value. */
  countedValue?: number | string;
  /** Dichotomy sets: whether the variable labels (not the counted value's label) label the categories. */
  labelSource?: 'varlabels' | 'countedvalues';
  variables: string[];
}

export interface SavDictionary {
  /** Character encoding used to decode text, as an iconv-lite name (e.g. 'utf-8', 'windows-1252'). */
  encoding: string;
  /** Where the encoding came from: record 7.20, the character code of record 7.3, a default, or the caller. */
  encodingSource: 'record' | 'character-code' | 'default' | 'override';
  byteOrder: 'little' | 'big';
  compression: 'none' | 'bytecode' | 'zlib';
  /** Cases declared in the header; -1 in the file means unknown and is given as null. */
  declaredCases: number | null;
  product: string;
  /** Free text from record 7.10 (extra product info), when the file has one. */
  extraProductInfo?: string;
  creationDate: string;
  creationTime: string;
  fileLabel: string;
  /** Name of the weight variable, if the file declares one. */
  weightVariable: string | null;
  variables: SavVariable[];
  multiResponseSets: SavMultiResponseSet[];
  documents: string[];
  fileAttributes: Record<string, string[]>;
  /** Problems that did not stop the read (unknown records skipped, labels that did not fit, …). */
  warnings: string[];
}

/**
 * Numeric columns hold system-missing as NaN. A numeric variable whose values are all whole
 * numbers 0..254 may come as `codes` instead: one byte per case, 255 (CODES_MISSING) for
 * system-missing, the bytes a study stores (ImportedColumn 'codes'). String columns hold values
 * with trailing blanks removed.
 */
export type SavColumn =
  | { kind: 'numeric'; values: Float64Array }
  | { kind: 'codes'; values: Uint8Array }
  | { kind: 'string'; values: string[] };

export interface SavFile {
  dictionary: SavDictionary;
  /** One column per dictionary variable, same order. */
  columns: SavColumn[];
  cases: number;
}

/** A bad or unsupported file: always names the file and the byte offset where reading failed. */
export class SavFormatError extends Error {
  override readonly name = 'SavFormatError';
  constructor(
    readonly file: string,
    readonly offset: number,
    readonly reason: string,
  ) {
    super(`${file}: at byte ${offset}: ${reason}`);
  }
}

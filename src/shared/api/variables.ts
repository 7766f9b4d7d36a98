/**
 * The Variables view's methods: the codebook as a list and one variable's detail, label edits in
 * a chosen language, definitions (derived variable, multiple-response set, filter) that the view
 * can undo, and an expression's live count without saving anything. The undo stack lives in the
 * study worker beside the open study, so it is dropped with the study and never outlives it.
 */
import { z } from 'zod';
import type { ShownLabel, VariableType } from '../domain/study';
import { method, result } from './apiTypes';
import { deriveInput, filterInput, setInput } from './data';
import { languageCode } from './study';

const variableName = z.string().min(1).max(128);
const labelText = z.string().trim().max(500);

/** Where a variable comes from (the codebook's `origin`); a response set is a kind of its own. */
export type VariableOrigin = 'imported' | 'system' | 'derived' | 'weight' | 'segment' | 'set';

/** One line of the codebook list. */
export interface CodebookEntry extends ShownLabel {
  name: string;
  /** A multiple-response set lists as 'multi'. */
  type: VariableType;
  origin: VariableOrigin;
  isSystem: boolean;
  isIdentifying: boolean;
}

export interface ValueLabelDetail extends ShownLabel {
  code: string;
  /** The label in the language asked for, exactly as stored ('' when it has none there). */
  text: string;
}

export type MissingCodeDetail =
  { kind: 'value'; value: string } | { kind: 'range'; low: number | null; high: number | null };

export interface VariableSourceDetail {
  fileName: string;
  country: string | null;
  /** The country's name in the language asked for. */
  countryName: string | null;
  wave: string | null;
  respondentType: string | null;
  rows: number;
}

export interface VariableDetail extends CodebookEntry {
  /** The language `text` fields are in. */
  language: string;
  /** The variable's label in `language` exactly as stored ('' when it has none there). */
  text: string;
  valueLabels: ValueLabelDetail[];
  missingCodes: MissingCodeDetail[];
  /** The sources that hold a column of the variable (a set: of any of its variables). */
  sources: VariableSourceDetail[];
  /** Derived variables and filters: the expression they are computed from. */
  expression: string | null;
  /** Segment variables and weights: how they were made, in a word (rules, kmeans, rim …). */
  method: string | null;
  /** Response sets: their kind, counted value and member variables. */
  set: {
    type: 'dichotomies' | 'categories';
    countedValue: string | null;
    variables: string[];
  } | null;
  /** Why the labels cannot be edited here; null when they can. */
  readOnlyReason: string | null;
}

/** What the view's Undo would revert, in words; null when there is nothing to undo. */
export interface UndoState {
  next: string | null;
  /** How many steps can be undone. */
  depth: number;
}

export interface LabelEditResult {
  detail: VariableDetail;
  undo: UndoState;
}

export interface DefineResult {
  /** What was saved, in words ("Derived variable top2 saved: 3,912 of 4,400 valid"). */
  summary: string;
  name: string;
  undo: UndoState;
}

export interface UndoResult {
  /** What was undone, in words. */
  undone: string;
  undo: UndoState;
}

export type ExpressionPreview =
  /** The expression cannot be evaluated yet (typing is under way): why, with a caret line. */
  | { as: 'invalid'; message: string }
  | { as: 'filter'; rows: number; kept: number }
  | {
      as: 'derived';
      rows: number;
      valid: number;
      /** A coded result: counts per code (labelled codes first); null for a measure. */
      categories: Array<{ code: number; label: string | null; count: number }> | null;
      /** A measure: its range and mean over the valid rows; null for a coded result. */
      summary: { min: number; max: number; mean: number } | null;
    };

export const setLabelsInput = z
  .object({
    name: variableName,
    language: languageCode,
    /** The variable's (or set's) label; an empty text removes it in this language. */
    label: labelText.optional(),
    /** Value labels by code; an empty text removes the label in this language. */
    valueLabels: z
      .array(z.object({ code: z.string().trim().min(1).max(40), label: labelText }))
      .max(10_000)
      .optional(),
  })
  .refine((input) => input.label !== undefined || (input.valueLabels?.length ?? 0) > 0, {
    message: 'give a label or value labels to change',
  });

export const defineInput = z.discriminatedUnion('kind', [
  deriveInput.extend({ kind: z.literal('derived') }),
  setInput.extend({ kind: z.literal('set') }),
  filterInput.extend({ kind: z.literal('filter') }),
]);

export const previewExpressionInput = z.object({
  expression: z.string().trim().min(1, 'an expression is required').max(10_000),
  /** A filter counts the respondents it keeps; a derived variable shows its distribution. */
  as: z.enum(['filter', 'derived']),
});

export const variableMethods = {
  /** Every variable and response set, labels in `language` (the study's label language by default). */
  'variables.list': method(
    z.object({ language: languageCode.optional() }),
    result<CodebookEntry[]>(),
  ),
  'variables.detail': method(
    z.object({ name: variableName, language: languageCode.optional() }),
    result<VariableDetail>(),
  ),
  /** Changes labels in one language only; audited, undoable, emits study.changed. */
  'variables.setLabels': method(setLabelsInput, result<LabelEditResult>()),
  /** A derived variable, response set or filter defined from the Variables view, undoable there. */
  'variables.define': method(defineInput, result<DefineResult>()),
  /** Reverts the last label edit or definition made through this view while the study is open. */
  'variables.undo': method(z.object({}), result<UndoResult>()),
  'variables.undoState': method(z.object({}), result<UndoState>()),
  /**
   * Evaluates an expression over every respondent without saving anything. An expression that
   * does not compile is an answer ({ as: 'invalid' }), not a failure: it is what typing looks like.
   */
  'variables.previewExpression': method(previewExpressionInput, result<ExpressionPreview>()),
} as const;

export type SetLabelsInput = z.output<typeof setLabelsInput>;
export type DefineInput = z.output<typeof defineInput>;

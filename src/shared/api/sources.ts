/**
 * The study's sources: removing an imported file (undoable while the study is open) and
 * re-importing a corrected file in place of one, all or nothing.
 */
import { z } from 'zod';
import { method, result } from './apiTypes';
import { readerOptions } from './data';

const sourceId = z.number().int().positive();

/** What a removal took out, as the confirmation and the notice name it. */
export interface RemovedSource {
  sourceId: number;
  fileName: string;
  country: string | null;
  wave: string | null;
  respondents: number;
  /** Imported variables only this source had, removed with it. */
  removedVariables: string[];
  /** Derived variables, weights and segments recomputed over the remaining respondents. */
  recomputed: string[];
}

export interface SourceUndoState {
  /** The removal an undo would put back (the latest), or null. */
  next: { sourceId: number; fileName: string } | null;
  depth: number;
}

export const reimportInput = z.object({
  sourceId,
  path: z.string().min(1, 'a file path is required'),
  encoding: z.string().min(1).optional(),
  ...readerOptions,
});
export type ReimportInput = z.output<typeof reimportInput>;

export const sourceMethods = {
  /** Removes a source, its rows and the variables only it had; recomputes what depends on rows. */
  'sources.remove': method(z.object({ sourceId }), result<RemovedSource>()),
  /** Puts the latest removed source back exactly as it was (only while the study stays open). */
  'sources.undoRemove': method(z.object({}), result<RemovedSource>()),
  /** Whether a removal can be undone, and which. */
  'sources.undoState': method(z.object({}), result<SourceUndoState>()),
  /** Starts a job importing a corrected file in place of a source; ImportSummary with job.finished. */
  'sources.reimport': method(reimportInput, result<{ jobId: string }>()),
} as const;

/**
 * Imports one survey file into an open study: checksum, read (any format the registry knows),
 * respondent ID, then one transaction through writeSource. A bad file, a cancel or a killed
 * process leaves the study exactly as it was; a failure is recorded in the audit log only.
 */
import { statSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import type { ImportSummary } from '../../shared/domain/dataset';
import { appendAudit } from '../study/auditLog';
import type { WritableStudyDb } from '../study/studyDb';
import { fileSha256 } from './fileChecksum';
import { readerFor } from './readers';
import { chooseRespondentId } from './respondentId';
import { validateDataset, type StudyVariableType } from './validateDataset';
import { writeSource, type RespondentType } from './writeSource';
import { encodeNarrowest } from './columnEncoding';
import type { SourceMapping } from '../../shared/domain/mapping';
import type { VariableType } from '../../shared/domain/study';
import { applyMapping } from '../harmonise/applyMapping';
import { studyCodesOf } from '../harmonise/proposeMapping';
import { proposeSourceMapping } from '../harmonise/sourceMapping';
import type { ImportedDataset } from './importedDataset';
import { importCancelled } from './importCancelled';

export interface ImportOptions {
  country: string;
  wave: string;
  respondentType: RespondentType;
  idVariable?: string;
  encoding?: string;
  sheet?: string;
  headerRow?: number;
  delimiter?: string;
  types?: Record<string, 'single' | 'numeric' | 'text' | 'date'>;
  categoryOrder?: Record<string, string[]>;
  /** The language of the file's labels (default en). */
  language?: string;
  /** A reviewed mapping onto the study's codebook; without it the proposal is applied. */
  mapping?: SourceMapping;
  /** An industry code fixed for the whole source. */
  industry?: string;
  /** Recomputes what depends on the data (derived variables), inside the import's transaction. */
  afterWrite?: (db: WritableStudyDb) => void;
}

export type { ImportSummary };

function studyVariableTypes(db: WritableStudyDb): Map<string, VariableType> {
  const rows = db.prepare('SELECT name, type FROM variables').all() as Array<{
    name: string;
    type: VariableType;
  }>;
  return new Map(rows.map((row) => [row.name, row.type]));
}

/** The proposal, when it decides everything; else the import stops and says what to review. */
function decidedMapping(
  db: WritableStudyDb,
  file: string,
  dataset: ImportedDataset,
  options: ImportOptions & { language: string },
): SourceMapping {
  const proposal = proposeSourceMapping(db, file, dataset, {
    country: options.country.toUpperCase(),
    wave: options.wave,
    respondentType: options.respondentType,
    language: options.language,
  });
  if (proposal.problems.length > 0) {
    throw new ApiError(
      'conflict',
      `${file}: the mapping onto the study's codebook needs a decision: ${proposal.problems
        .map((problem) => problem.message)
        .join(
          '; ',
        )}. Review the proposal (cew mapping, or the import wizard) and import with the reviewed mapping.`,
    );
  }
  return { variables: proposal.variables, new: proposal.new };
}

/** Study codes each variable labels, saved to spot answers the next wave drops. */
function labelledCodes(dataset: ImportedDataset): Record<string, number[]> {
  return Object.fromEntries(
    dataset.variables
      .map((variable) => [variable.name, studyCodesOf(variable, {})] as const)
      .filter(([, codes]) => codes.length > 0),
  );
}

export async function importFile(
  db: WritableStudyDb,
  file: string,
  options: ImportOptions,
  signal: AbortSignal,
  progress: (done: number, total: number) => void,
): Promise<ImportSummary> {
  const fileName = path.basename(file);
  // Stops the checksum when the read fails or the import is cancelled.
  const hashing = new AbortController();
  try {
    let size: number;
    try {
      const stat = statSync(file);
      if (!stat.isFile()) throw new Error('not a file');
      size = stat.size;
    } catch (error) {
      throw new ApiError(
        'not-found',
        `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
      );
    }
    const reader = readerFor(file);
    // The checksum is computed beside the read (on its own thread for a big file).
    const checksum = fileSha256(file, AbortSignal.any([signal, hashing.signal]));
    checksum.catch(() => undefined); // awaited below, unless the read fails first
    const read = await reader.read(file, {
      encoding: options.encoding,
      sheet: options.sheet,
      headerRow: options.headerRow,
      delimiter: options.delimiter,
      types: options.types,
      categoryOrder: options.categoryOrder,
      signal,
      onProgress: (done, total) => progress(Math.round((done / Math.max(total, 1)) * 90), 100),
    });
    const sourceId = chooseRespondentId(file, read, options.idVariable);
    const language = options.language ?? 'en';
    const mapping = options.mapping ?? decidedMapping(db, file, read, { ...options, language });
    const mapped = applyMapping(file, read, mapping, studyVariableTypes(db));
    const dataset = mapped.dataset;
    const respondentId = {
      ...sourceId,
      variable: sourceId.variable === null ? null : (mapped.names.get(sourceId.variable) ?? null),
    };
    // Each column is narrowed once: validation reads one byte per answer where the codes allow,
    // and the study stores the same bytes.
    const encodedColumns = dataset.columns.map((column, index) =>
      encodeNarrowest(dataset.variables[index]!.type, column),
    );
    const narrowed: ImportedDataset = {
      ...dataset,
      columns: dataset.columns.map((column, index) => {
        const encoded = encodedColumns[index]!;
        return column.kind === 'numeric' && encoded.encoding === 'u8'
          ? { kind: 'codes', values: encoded.values }
          : column;
      }),
    };
    const validation = validateDataset(file, narrowed, {
      idVariable: respondentId.variable,
      idNamed: respondentId.how === 'named',
      // Only the study's own variables: a file variable named like a system variable (a text
      // "country") is written under another name (writeSource), so it never clashes with one.
      studyVariables: db
        .prepare('SELECT name, type FROM variables WHERE is_system = 0')
        .all() as StudyVariableType[],
    });
    if (validation.blocking) {
      const errors = validation.issues
        .filter((issue) => issue.severity === 'error')
        .map((issue) => issue.message);
      throw new ApiError('invalid-input', `${file}: cannot be imported: ${errors.join('; ')}`);
    }
    const sha256 = await checksum;
    if (signal.aborted) throw importCancelled();
    progress(90, 100);
    // The source and everything computed from it (derived variables, weights) in one transaction.
    const written = db.transaction(() => {
      const result = writeSource(
        db,
        dataset,
        {
          fileName,
          fileSize: size,
          sha256,
          reader: reader.name,
          country: options.country.toUpperCase(),
          wave: options.wave,
          respondentType: options.respondentType,
          language,
          validation: validation.issues,
          industry: options.industry,
          mapping,
          labelledCodes: labelledCodes(dataset),
        },
        respondentId,
        encodedColumns,
      );
      options.afterWrite?.(db);
      return result;
    })();
    progress(100, 100);
    return { ...written, file, sha256, respondentId };
  } catch (error) {
    const cancelled = error instanceof Error && error.name === 'AbortError';
    appendAudit(db, cancelled ? 'import.cancelled' : 'import.failed', {
      file: fileName,
      reason: (error as Error).message,
    });
    if (error instanceof ApiError || cancelled) throw error;
    throw new ApiError('invalid-input', (error as Error).message);
  } finally {
    hashing.abort();
  }
}

/**
 * The study worker: owns the open study's SQLite connection and runs every piece of work that can
 * take longer than a few milliseconds, so the main thread only routes. Jobs report progress on the
 * same envelope as responses and stop at the next yield point when cancelled.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { proposeSourceMapping } from '../harmonise/sourceMapping';
import {
  demoSummary,
  isDemoComplete,
  markDemoComplete,
  populateDemoStudy,
} from '../demo/demoStudy';
import { ApiError, type ApiErrorShape } from '../../shared/api/apiTypes';
import { describeZodError } from '../../shared/api/validate';
import {
  createStudyFile,
  closeStudyFile,
  openStudyFile,
  saveStudyCopy,
  type OpenStudy,
} from '../study/studyFile';
import { appendAudit } from '../study/auditLog';
import { describeStudy, summarizeStudy } from '../study/studyQueries';
import { writeLabelLanguage } from '../study/labelLanguage';
import { verifyStudy } from '../study/verifyStudy';
import { exportData } from '../export/exportData';
import { exportTabBook } from '../export/tabBookJob';
import { datasetInfo } from '../import/importedDataset';
import { importFile } from '../import/importFile';
import { previewImport } from '../import/previewImport';
import { readDataset } from '../import/readers';
import { runTable } from '../analysis/crosstab/runTable';
import type { TableResult, TableSpec } from '../../shared/domain/table';
import { ColumnCache } from './columnCache';
import { studyTableData } from './studyTableData';
import { deriveVariable, filterMask, recomputeDerived, saveFilter } from './studyExpressions';
import { listWeights, recomputeWeights, saveWeights } from './studyWeights';
import { defineSet } from './studySets';
import { listTablePlans, saveTablePlan, tablePlan } from './savedTables';
import { deleteChart, listCharts, saveChart } from './savedCharts';
import { deleteReport, listReports, saveReport, savedReport } from './savedReports';
import { renderReport } from '../report/renderReport';
import { exportReport, printableDocuments } from '../report/exportReport';
import { studyReportData } from '../report/studyReportData';
import { readStudyTemplate, setStudyTemplate } from './studyTemplate';
import { checkDataQuality } from '../harmonise/dataQuality';
import { listCodebook, variableDetail } from '../study/codebookDetail';
import { readLabelLanguage } from '../study/labelLanguage';
import { previewExpression } from './expressionPreview';
import { gridColumns, gridPage } from './dataGridPage';
import { reimportSource, removeSource, undoRemoveSource, undoRemoveState } from './studySources';
import { define as defineVariable, editLabels, undoLast, undoState } from './studyVariables';
import {
  classifyFile,
  exportTypingTool,
  goldenQuestionsFor,
  holdOutAccuracy,
  profileSegmentation,
  listSchemes,
  listSegmentations,
  previewSegmentation,
  recomputeSegments,
  runKMeans,
  saveScheme,
  saveSegmentation,
} from './studySegments';
import {
  workerMethods,
  type WorkerParsedInput,
  type WorkerMethodName,
  type WorkerRequest,
  type WorkerResponse,
  type WorkerResults,
  type WorkerStartData,
} from './workerProtocol';
import { releaseCrosstabKernel } from '../kernels/crosstab/wasmEngine';

if (!parentPort) throw new Error('studyWorker must run in a worker thread');
const port = parentPort;
const startData = (workerData ?? {}) as WorkerStartData;

let study: OpenStudy | null = null;
let columns: ColumnCache | null = null;
const running = new Map<string, AbortController>();

function send(message: WorkerResponse): void {
  port.postMessage(message);
}

function requireStudy(): OpenStudy {
  if (!study) throw new ApiError('unavailable', 'no study is open');
  return study;
}

function requireWritable(): OpenStudy & { writable: NonNullable<OpenStudy['writable']> } {
  const open = requireStudy();
  if (!open.writable) {
    throw new ApiError('conflict', `${open.path} is open read-only: ${open.readOnlyReason ?? ''}`);
  }
  return open as OpenStudy & { writable: NonNullable<OpenStudy['writable']> };
}

function summary(open: OpenStudy) {
  return summarizeStudy(open.db, open.path, open.schemaVersion, open.readOnlyReason);
}

/** The columns in memory for the open study, made on first use and dropped with the study. */
function columnCache(open: OpenStudy): ColumnCache {
  columns ??= new ColumnCache(open.db);
  return columns;
}

/** A table with its labels in `language`, by default the study's label language. */
function runStudyTable(open: OpenStudy, spec: TableSpec, language?: string): TableResult {
  const cache = columnCache(open);
  return runTable(studyTableData(open.db, cache, language), spec, {
    filterMask: (expression) => filterMask(open.db, cache, expression),
  });
}

function closeCurrent(): boolean {
  columns = null;
  // The cross-tab kernel keeps the last table's columns for its next count; not past the study.
  releaseCrosstabKernel();
  if (!study) return false;
  closeStudyFile(study);
  study = null;
  return true;
}

interface JobContext {
  signal: AbortSignal;
  progress: (done: number, total: number) => void;
}

type WorkerHandlers = {
  [K in WorkerMethodName]: (
    input: WorkerParsedInput<K>,
    job: JobContext,
  ) => WorkerResults[K] | Promise<WorkerResults[K]>;
};

const handlers: WorkerHandlers = {
  'study.create': ({ path, name, appVersion }) => {
    closeCurrent();
    study = createStudyFile(path, name, appVersion, { nativeBinding: startData.nativeBinding });
    return summary(study);
  },
  'study.open': ({ path, readOnly, readOnlyReason }) => {
    closeCurrent();
    study = openStudyFile(path, {
      readOnly,
      readOnlyReason,
      nativeBinding: startData.nativeBinding,
    });
    return summary(study);
  },
  'study.close': () => ({ closed: closeCurrent() }),
  'study.summary': () => (study ? summary(study) : null),
  'study.describe': ({ language }) => {
    const open = requireStudy();
    return describeStudy(open.db, summary(open), language);
  },
  'study.saveCopyAs': ({ path }) => {
    saveStudyCopy(requireStudy(), path);
    return { path };
  },
  'study.rename': ({ name }) => {
    const open = requireWritable();
    open.writable.transaction(() => {
      open.writable.prepare("UPDATE study_meta SET value = ? WHERE key = 'name'").run(name);
      appendAudit(open.writable, 'study.renamed', { name });
    })();
    return summary(open);
  },
  'study.setLabelLanguage': ({ language }) => {
    const open = requireWritable();
    writeLabelLanguage(open.writable, language);
    return summary(open);
  },
  'study.verify': (_input, job) => verifyStudy(requireStudy().db, job.signal, job.progress),
  'import.info': async ({ path, encoding }, job) =>
    datasetInfo(await readDataset(path, { encoding, signal: job.signal })),
  'import.preview': ({ path, ...options }, job) =>
    previewImport(path, { ...options, signal: job.signal }, study?.db ?? null),
  'import.file': async ({ path, ...options }, job) => {
    const summary = await importFile(
      requireWritable().writable,
      path,
      // Derived variables, then weights, are recomputed over the new rows in the import's transaction.
      {
        ...options,
        afterWrite: (db) => {
          const fresh = new ColumnCache(db);
          recomputeDerived(db, fresh);
          recomputeWeights(db, fresh);
          recomputeSegments(db, fresh);
        },
      },
      job.signal,
      job.progress,
    );
    columns?.invalidate();
    return summary;
  },
  'import.proposeMapping': async (
    { path, country, wave, respondentType, language, ...options },
    job,
  ) => {
    const dataset = await readDataset(path, { ...options, signal: job.signal });
    return proposeSourceMapping(requireStudy().db, path, dataset, {
      country,
      wave,
      respondentType,
      language: language ?? 'en',
    });
  },
  'tables.run': ({ spec, language }) => runStudyTable(requireStudy(), spec, language),
  'tables.save': ({ name, tables }) => saveTablePlan(requireWritable().writable, name, tables),
  'tables.saved': () => listTablePlans(requireStudy().db),
  'tables.runSaved': ({ name, language }) => {
    const open = requireStudy();
    const plan = tablePlan(open.db, name);
    return {
      name: plan.name,
      tables: plan.tables.map((spec) => runStudyTable(open, spec, language)),
    };
  },
  'tables.exportTabBook': ({ name, specs, path, language }, job) => {
    const open = requireStudy();
    const plan = name === undefined ? null : tablePlan(open.db, name);
    const data = studyTableData(open.db, columnCache(open), language);
    const variableLabel = (variable: string) => {
      try {
        return data.variable(variable).label;
      } catch {
        return null; // a derived column of the table (a response set, a summary), not a variable
      }
    };
    return exportTabBook(
      path,
      plan?.tables ?? specs ?? [],
      { run: (spec) => runStudyTable(open, spec, language), variableLabel },
      { title: plan?.name ?? 'Tables', signal: job.signal, progress: job.progress },
    );
  },
  'export.data': ({ path, format, variables, dropIdentifying, filter, language }, job) => {
    const open = requireStudy();
    const mask = filter ? filterMask(open.db, columnCache(open), filter) : undefined;
    const options = { format, variables, dropIdentifying, mask, language };
    return exportData(open, path, options, job.signal, job.progress);
  },
  'variables.derive': (definition) => {
    const open = requireWritable();
    return deriveVariable(open.writable, columnCache(open), definition);
  },
  'weights.rim': (definition) => {
    const open = requireWritable();
    return saveWeights(open.writable, columnCache(open), definition);
  },
  'weights.list': () => listWeights(requireStudy().db),
  'variables.defineSet': (definition) => defineSet(requireWritable().writable, definition),
  'filters.save': ({ name, expression }) => {
    const open = requireWritable();
    return saveFilter(open.writable, columnCache(open), name, expression);
  },
  'quality.check': (options) => checkDataQuality(requireStudy().db, options),
  'demo.populate': async ({ sourcesDir }, job) => {
    const open = requireWritable();
    const imports = await populateDemoStudy(open.writable, sourcesDir, job.signal, job.progress, {
      afterWrite: (db) => {
        const fresh = new ColumnCache(db);
        recomputeDerived(db, fresh);
        recomputeWeights(db, fresh);
        recomputeSegments(db, fresh);
      },
    });
    markDemoComplete(open.writable);
    columns?.invalidate();
    return demoSummary(open.db, open.path, sourcesDir, imports);
  },
  'demo.isComplete': () => isDemoComplete(requireStudy().db),
  'segments.schemes': () => listSchemes(requireStudy().db),
  'segments.saveScheme': ({ scheme }) => saveScheme(requireWritable().writable, scheme),
  'segments.preview': (input) => {
    const open = requireStudy();
    return previewSegmentation(open.db, columnCache(open), input);
  },
  'segments.save': (input) => {
    const open = requireWritable();
    return saveSegmentation(open.writable, columnCache(open), input);
  },
  'segments.list': () => {
    const open = requireStudy();
    return listSegmentations(open.db, columnCache(open));
  },
  'segments.kmeans': (input, job) => {
    const open = requireStudy();
    const cache = columnCache(open);
    return runKMeans(open.db, open.writable ?? null, cache, input, job.signal, job.progress);
  },
  'segments.classify': (input, job) => classifyFile(requireStudy().db, input, job.signal),
  'segments.holdOut': (input, job) => {
    const open = requireStudy();
    return holdOutAccuracy(open.db, columnCache(open), input, job.signal, job.progress);
  },
  'segments.typingTool': (input) => exportTypingTool(requireStudy().db, input),
  'segments.profile': (input) => {
    const open = requireStudy();
    return profileSegmentation(open.db, columnCache(open), input);
  },
  'segments.golden': (input, job) => {
    const open = requireStudy();
    const cache = columnCache(open);
    return goldenQuestionsFor(open.db, cache, input, job.signal, job.progress, open.writable);
  },
  'charts.save': ({ name, spec }) => saveChart(requireWritable().writable, name, spec),
  'charts.saved': () => listCharts(requireStudy().db),
  'charts.delete': ({ name }) => deleteChart(requireWritable().writable, name),
  'reports.save': ({ report }) => saveReport(requireWritable().writable, report),
  'reports.saved': () => listReports(requireStudy().db),
  'reports.delete': ({ name }) => deleteReport(requireWritable().writable, name),
  'reports.render': ({ name, report, language }) => {
    const open = requireStudy();
    const drawn = report ?? savedReport(open.db, name ?? '').report;
    return renderReport(drawn, studyReportData(open.db, columnCache(open), language));
  },
  'reports.export': ({ name, language, ...options }, job) => {
    const open = requireStudy();
    const data = studyReportData(open.db, columnCache(open), language);
    return exportReport(savedReport(open.db, name).report, data, { ...options, ...job });
  },
  'reports.printable': ({ name, language, path, each }, job) => {
    const open = requireStudy();
    const data = studyReportData(open.db, columnCache(open), language);
    const options = { path, ...(each ? { each } : {}), signal: job.signal };
    return printableDocuments(savedReport(open.db, name).report, data, options);
  },
  'templates.study': () => readStudyTemplate(requireStudy().db),
  'templates.setStudy': ({ template, applyToReports }) =>
    setStudyTemplate(requireWritable().writable, template, applyToReports),
  'variables.list': ({ language }) => {
    const open = requireStudy();
    return listCodebook(open.db, language ?? readLabelLanguage(open.db));
  },
  'variables.detail': ({ name, language }) => {
    const open = requireStudy();
    return variableDetail(
      open.db,
      name,
      language ?? readLabelLanguage(open.db),
      open.readOnlyReason,
    );
  },
  'variables.setLabels': (input) => {
    const open = requireWritable();
    const undo = editLabels(open, open.writable, input);
    return { detail: variableDetail(open.db, input.name, input.language, null), undo };
  },
  'variables.define': (input) => {
    const open = requireWritable();
    return defineVariable(open, open.writable, columnCache(open), input);
  },
  'variables.undo': () => {
    const open = requireWritable();
    return undoLast(open, open.writable, columnCache(open));
  },
  'variables.undoState': () => undoState(requireStudy()),
  'variables.previewExpression': (input) => {
    const open = requireStudy();
    return previewExpression(open.db, columnCache(open), input);
  },
  'grid.columns': (input) => gridColumns(requireStudy().db, input),
  'grid.page': (input) => {
    const open = requireStudy();
    return gridPage(open.db, columnCache(open), input);
  },
  'sources.remove': ({ sourceId }) => {
    const open = requireWritable();
    const removed = removeSource(open, open.writable, sourceId);
    columns?.invalidate();
    return removed;
  },
  'sources.undoRemove': () => {
    const open = requireWritable();
    const restored = undoRemoveSource(open, open.writable);
    columns?.invalidate();
    return restored;
  },
  'sources.undoState': () => undoRemoveState(requireStudy()),
  'sources.reimport': async (input, job) => {
    const summary = await reimportSource(
      requireWritable().writable,
      input,
      job.signal,
      job.progress,
    );
    columns?.invalidate();
    return summary;
  },
};

function errorKind(error: unknown): ApiErrorShape['kind'] {
  if (error instanceof ApiError) return error.kind;
  if (error instanceof Error && error.name === 'AbortError') return 'cancelled';
  return 'failed';
}

async function handleCall(
  seq: number,
  method: string,
  rawInput: unknown,
  jobId?: string,
): Promise<void> {
  const controller = new AbortController();
  if (jobId) running.set(jobId, controller);
  try {
    if (!Object.prototype.hasOwnProperty.call(workerMethods, method)) {
      throw new ApiError('not-found', `the worker has no method ${JSON.stringify(method)}`);
    }
    const name = method as WorkerMethodName;
    const parsed = workerMethods[name].safeParse(rawInput ?? {});
    if (!parsed.success) throw new ApiError('invalid-input', describeZodError(name, parsed.error));
    const handler = handlers[name] as (input: unknown, job: JobContext) => unknown;
    const result = await handler(parsed.data, {
      signal: controller.signal,
      progress: (done, total) => {
        if (jobId) send({ type: 'progress', jobId, done, total });
      },
    });
    send({ type: 'response', seq, result });
  } catch (error) {
    const err = error instanceof Error ? error : new Error(String(error));
    send({
      type: 'error',
      seq,
      error: { name: err.name, message: err.message, stack: err.stack },
      kind: errorKind(error),
    });
  } finally {
    if (jobId) running.delete(jobId);
  }
}

port.on('message', (message: WorkerRequest) => {
  const { seq, request } = message;
  if (request.type === 'cancel') {
    running.get(request.jobId)?.abort();
    send({ type: 'response', seq, result: { cancelled: running.has(request.jobId) } });
    return;
  }
  void handleCall(seq, request.method, request.input, request.jobId);
});

// Closing the port (the main thread shutting the session down) closes the study cleanly.
port.on('close', () => {
  closeCurrent();
});

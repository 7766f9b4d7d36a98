/**
 * The protocol between the main thread and the study worker: a discriminated union with a sequence
 * number (as Signal's main/worker split). Worker methods are declared here with zod schemas, like
 * the public API, and validated again on the worker side: a type stops nothing at run time.
 */
import { z } from 'zod';
import type { ApiErrorShape } from '../../shared/api/apiTypes';
import {
  deriveInput,
  exportInput,
  filterInput,
  importInput,
  proposeMappingInput,
  readerOptions,
  setInput,
  weightInput,
} from '../../shared/api/data';
import type {
  DatasetInfo,
  DerivedVariableSummary,
  ExportSummary,
  ImportPreview,
  ImportSummary,
  WeightDefinition,
  WeightReport,
} from '../../shared/domain/dataset';
import type { DemoSummary } from '../../shared/domain/demo';
import type { MappingProposal } from '../../shared/domain/mapping';
import type { StudyDescription, StudySummary } from '../../shared/domain/study';
import type { TableResult } from '../../shared/domain/table';
import { tableSpecSchema, type SavedTablePlan } from '../../shared/api/tables';
import { tabBookInput, type TabBookSummary } from '../../shared/api/tables';
import { dataQualityInput } from '../../shared/api/quality';
import { chartName, chartSpecSchema, type SavedChart } from '../../shared/api/charts';
import {
  reportExportInput,
  reportName,
  reportSchema,
  type ReportExportSummary,
  type SavedReport,
} from '../../shared/api/reports';
import type { RenderedReport } from '../../shared/domain/report';
import { reportTemplateSchema } from '../../shared/api/reports';
import type { StudyTemplate, StudyTemplateChange } from '../../shared/api/templates';
import type { PrintableDocument } from '../report/exportReport';
import { languageCode } from '../../shared/api/study';
import type { DataQualityReport } from '../../shared/domain/dataQuality';
import {
  classifyInput,
  goldenInput,
  holdOutInput,
  kmeansInput,
  profileInput,
  typingToolInput,
  previewInput,
  saveSegmentationInput,
  schemeSchema,
} from '../../shared/api/segments';
import type {
  ClassificationReport,
  GoldenQuestionsReport,
  HoldOutReport,
  KMeansReport,
  SavedSegmentation,
  SchemeInfo,
  SegmentPreview,
  SegmentProfile,
  TypingToolExport,
  SegmentSaveResult,
} from '../../shared/domain/segments';
import {
  defineInput,
  previewExpressionInput,
  setLabelsInput,
  type CodebookEntry,
  type DefineResult,
  type ExpressionPreview,
  type LabelEditResult,
  type UndoResult,
  type UndoState,
  type VariableDetail,
} from '../../shared/api/variables';
import {
  gridColumnsInput,
  gridPageInput,
  type GridColumns,
  type GridPage,
} from '../../shared/api/grid';
import { reimportInput, type RemovedSource, type SourceUndoState } from '../../shared/api/sources';

const anyPath = z.string().min(1);

export const workerMethods = {
  'study.create': z.object({ path: anyPath, name: z.string().min(1), appVersion: z.string() }),
  'study.open': z.object({
    path: anyPath,
    readOnly: z.boolean(),
    readOnlyReason: z.string().nullable(),
  }),
  'study.close': z.object({}),
  'study.summary': z.object({}),
  // `language` overrides the study's label language for one call (the CLI's --language).
  'study.describe': z.object({ language: languageCode.optional() }),
  'study.saveCopyAs': z.object({ path: anyPath }),
  'study.rename': z.object({ name: z.string().min(1) }),
  'study.setLabelLanguage': z.object({ language: languageCode }),
  'study.verify': z.object({}),
  'import.info': z.object({ path: anyPath, encoding: z.string().optional() }),
  'import.preview': z.object({
    path: anyPath,
    encoding: z.string().optional(),
    idVariable: z.string().optional(),
    rows: z.number().int().min(1).max(200),
    ...readerOptions,
  }),
  'import.file': importInput,
  'import.proposeMapping': proposeMappingInput,
  'export.data': exportInput,
  'tables.run': z.object({ spec: tableSpecSchema, language: languageCode.optional() }),
  'variables.derive': deriveInput,
  'filters.save': filterInput,
  'weights.rim': weightInput,
  'variables.defineSet': setInput,
  'weights.list': z.object({}),
  'tables.save': z.object({ name: z.string().min(1), tables: z.array(tableSpecSchema).min(1) }),
  'tables.saved': z.object({}),
  'tables.runSaved': z.object({ name: z.string().min(1), language: languageCode.optional() }),
  'quality.check': dataQualityInput,
  'tables.exportTabBook': tabBookInput,
  'demo.populate': z.object({ sourcesDir: anyPath }),
  'demo.isComplete': z.object({}),
  'segments.schemes': z.object({}),
  'segments.saveScheme': z.object({ scheme: schemeSchema }),
  'segments.preview': previewInput,
  'segments.save': saveSegmentationInput,
  'segments.list': z.object({}),
  'segments.kmeans': kmeansInput,
  'segments.classify': classifyInput,
  'segments.holdOut': holdOutInput,
  'segments.golden': goldenInput,
  'segments.profile': profileInput,
  'segments.typingTool': typingToolInput,
  'charts.save': z.object({ name: chartName, spec: chartSpecSchema }),
  'charts.saved': z.object({}),
  'charts.delete': z.object({ name: chartName }),
  'reports.save': z.object({ report: reportSchema }),
  'reports.saved': z.object({}),
  'reports.delete': z.object({ name: reportName }),
  'reports.render': z.object({
    name: reportName.optional(),
    report: reportSchema.optional(),
    language: languageCode.optional(),
  }),
  'reports.export': reportExportInput,
  'reports.printable': reportExportInput,
  'templates.study': z.object({}),
  'templates.setStudy': z.object({
    template: reportTemplateSchema,
    applyToReports: z.boolean().default(false),
  }),
  'variables.list': z.object({ language: languageCode.optional() }),
  'variables.detail': z.object({ name: z.string().min(1), language: languageCode.optional() }),
  'variables.setLabels': setLabelsInput,
  'variables.define': defineInput,
  'variables.undo': z.object({}),
  'variables.undoState': z.object({}),
  'variables.previewExpression': previewExpressionInput,
  'grid.columns': gridColumnsInput,
  'grid.page': gridPageInput,
  'sources.remove': z.object({ sourceId: z.number().int().positive() }),
  'sources.undoRemove': z.object({}),
  'sources.undoState': z.object({}),
  'sources.reimport': reimportInput,
} as const;

export type WorkerMethodName = keyof typeof workerMethods;
export type WorkerInput<K extends WorkerMethodName> = z.input<(typeof workerMethods)[K]>;
export type WorkerParsedInput<K extends WorkerMethodName> = z.output<(typeof workerMethods)[K]>;

export interface VerifyReport {
  ok: boolean;
  problems: string[];
  chunksChecked: number;
}

export interface WorkerResults {
  'study.create': StudySummary;
  'study.open': StudySummary;
  'study.close': { closed: boolean };
  'study.summary': StudySummary | null;
  'study.describe': StudyDescription;
  'study.saveCopyAs': { path: string };
  'study.rename': StudySummary;
  'study.setLabelLanguage': StudySummary;
  'study.verify': VerifyReport;
  'import.info': DatasetInfo;
  'import.preview': ImportPreview;
  'import.file': ImportSummary;
  'import.proposeMapping': MappingProposal;
  'demo.populate': DemoSummary;
  'demo.isComplete': boolean;
  'export.data': ExportSummary;
  'tables.run': TableResult;
  'variables.derive': DerivedVariableSummary;
  'filters.save': { name: string; kept: number; rows: number };
  'weights.rim': WeightReport;
  'variables.defineSet': { name: string; variables: string[] };
  'weights.list': Array<{ name: string; definition: WeightDefinition }>;
  'tables.save': SavedTablePlan;
  'tables.saved': SavedTablePlan[];
  'tables.runSaved': { name: string; tables: TableResult[] };
  'quality.check': DataQualityReport;
  'tables.exportTabBook': TabBookSummary;
  'segments.schemes': SchemeInfo[];
  'segments.saveScheme': SchemeInfo;
  'segments.preview': SegmentPreview;
  'segments.save': SegmentSaveResult;
  'segments.list': SavedSegmentation[];
  'segments.kmeans': KMeansReport;
  'segments.classify': ClassificationReport;
  'segments.holdOut': HoldOutReport;
  'segments.golden': GoldenQuestionsReport;
  'segments.profile': SegmentProfile;
  'segments.typingTool': TypingToolExport;
  'charts.save': SavedChart;
  'charts.saved': SavedChart[];
  'charts.delete': { deleted: boolean };
  'reports.save': SavedReport;
  'reports.saved': SavedReport[];
  'reports.delete': { deleted: boolean };
  'reports.render': RenderedReport;
  'reports.export': ReportExportSummary;
  'reports.printable': PrintableDocument[];
  'templates.study': StudyTemplate;
  'templates.setStudy': StudyTemplateChange;
  'variables.list': CodebookEntry[];
  'variables.detail': VariableDetail;
  'variables.setLabels': LabelEditResult;
  'variables.define': DefineResult;
  'variables.undo': UndoResult;
  'variables.undoState': UndoState;
  'variables.previewExpression': ExpressionPreview;
  'grid.columns': GridColumns;
  'grid.page': GridPage;
  'sources.remove': RemovedSource;
  'sources.undoRemove': RemovedSource;
  'sources.undoState': SourceUndoState;
  'sources.reimport': ImportSummary;
}

export interface WorkerRequest {
  seq: number;
  request:
    | { type: 'call'; method: string; input: unknown; jobId?: string }
    | { type: 'cancel'; jobId: string };
}

export type WorkerResponse =
  | { type: 'response'; seq: number; result: unknown }
  | {
      type: 'error';
      seq: number;
      error: { name: string; message: string; stack?: string };
      kind: ApiErrorShape['kind'];
    }
  | { type: 'progress'; jobId: string; done: number; total: number }
  | { type: 'log'; level: 'debug' | 'info' | 'warn' | 'error'; args: string[] };

export interface WorkerStartData {
  /** better-sqlite3 addon built for Electron's ABI; absent in plain Node. */
  nativeBinding?: string;
}

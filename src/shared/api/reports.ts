/** Reports: saved in the study, drawn on its current data, exported as pptx, xlsx or pdf. */
import { z } from 'zod';
import {
  slideSizes,
  type RenderedReport,
  type Report,
  type ReportItem,
  type ReportPage,
  type ReportTemplate,
} from '../domain/report';
import { method, result } from './apiTypes';
import { chartSpecSchema } from './charts';
import { languageCode } from './study';
import { tableSpecSchema } from './tables';

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, 'a colour is #rrggbb');
const variableName = z.string().min(1).max(128);
const savedName = z.string().trim().min(1).max(200);

export const reportTemplateSchema = z.object({
  colours: z.object({
    primary: hexColour,
    accent: hexColour,
    text: hexColour,
    background: hexColour,
  }),
  font: z.string().min(1).max(100),
  logoPath: z.string().min(1).optional(),
  slideSize: z.enum(slideSizes),
});

export const reportItemSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('chart'),
    chart: z.union([savedName, chartSpecSchema]),
    title: z.string().max(500).optional(),
    footnote: z.string().max(4000).optional(),
  }),
  z.object({
    kind: z.literal('table'),
    table: z.union([savedName, tableSpecSchema]),
    index: z.number().int().min(0).optional(),
    title: z.string().max(500).optional(),
    footnote: z.string().max(4000).optional(),
  }),
  z.object({ kind: z.literal('text'), text: z.string().max(20_000) }),
]);

export const reportPageSchema = z.object({
  id: z.string().min(1).max(100),
  title: z.string().max(500),
  takeaway: z.string().max(1000).optional(),
  items: z.array(reportItemSchema).max(20),
  repeatEach: variableName.optional(),
});

export const reportName = savedName;

export const reportSchema = z
  .object({
    name: reportName,
    template: reportTemplateSchema,
    pages: z.array(reportPageSchema).max(500),
    repeatEach: variableName.optional(),
  })
  .refine((report) => new Set(report.pages.map((page) => page.id)).size === report.pages.length, {
    message: 'pages: every page needs its own id',
    path: ['pages'],
  });

// Compile-time checks that the schemas and the domain types describe the same things.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const schemasMatchDomain: [
  Same<z.infer<typeof reportTemplateSchema>, ReportTemplate>,
  Same<z.infer<typeof reportItemSchema>, ReportItem>,
  Same<z.infer<typeof reportPageSchema>, ReportPage>,
  Same<z.infer<typeof reportSchema>, Report>,
] = [true, true, true, true];
void schemasMatchDomain;

export const reportFormats = ['pptx', 'xlsx', 'pdf'] as const;
export type ReportFormat = (typeof reportFormats)[number];

export const reportExportInput = z.object({
  name: reportName,
  format: z.enum(reportFormats),
  /** The file; with `each`, the folder that gets one `<report>-<value>.<ext>` per value. */
  path: z.string().min(1, 'an output path is required'),
  /** The label language of the export; the study's label language when left out. */
  language: languageCode.optional(),
  /** One file per value of this variable (country, industry, wave or a segment variable). */
  each: variableName.optional(),
  /** The Chromium-family browser that prints the PDF; found on the machine when left out. */
  browser: z.string().min(1).optional(),
});

export interface SavedReport {
  name: string;
  report: Report;
  updatedAt: string;
}

export interface ReportExportSummary {
  format: ReportFormat;
  /** The files written, one per value with `each`. */
  files: string[];
  pages: number;
}

export const reportMethods = {
  /** Saves a report under its name; saving again under the same name replaces it. */
  'reports.save': method(z.object({ report: reportSchema }), result<SavedReport>()),
  'reports.saved': method(z.object({}), result<SavedReport[]>()),
  'reports.delete': method(z.object({ name: reportName }), result<{ deleted: boolean }>()),
  /**
   * A report drawn on the study's current data: every table's result, every chart's series and
   * colours, every footnote. Give the name of a saved report, or a report (unsaved, as edited).
   */
  'reports.render': method(
    z
      .object({
        name: reportName.optional(),
        report: reportSchema.optional(),
        language: languageCode.optional(),
      })
      .refine((input) => (input.name === undefined) !== (input.report === undefined), {
        message: 'give either the name of a saved report or a report, not both',
      }),
    result<RenderedReport>(),
  ),
  /** Starts an export job; the ReportExportSummary arrives with job.finished. */
  'reports.export': method(reportExportInput, result<{ jobId: string }>()),
} as const;

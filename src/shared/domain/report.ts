/**
 * A report: pages (slides) of charts, tables and text, drawn in a template. Items name saved
 * charts and tables (so the report re-runs on the next wave) or carry their spec inline. A page,
 * or the whole report, can repeat for each value of a variable (country, industry, wave or a
 * segment variable): one copy per value, that value added as a filter to its tables.
 */
import type { ChartData, ChartSpec } from './chart';
import type { TableResult, TableSpec } from './table';

export const slideSizes = ['16:9', '4:3', 'A4'] as const;
export type SlideSize = (typeof slideSizes)[number];

/** Page size in inches, as PowerPoint and the PDF page use it (A4 landscape). */
export const slideInches: Record<SlideSize, { width: number; height: number }> = {
  '16:9': { width: 13.333, height: 7.5 },
  '4:3': { width: 10, height: 7.5 },
  A4: { width: 11.69, height: 8.27 },
};

export interface ReportTemplate {
  /** Hex colours (#rrggbb): titles and rules, the takeaway line, body text, page background. */
  colours: { primary: string; accent: string; text: string; background: string };
  font: string;
  /** A PNG or JPEG shown top right on every page. */
  logoPath?: string;
  slideSize: SlideSize;
}

export const defaultTemplate: ReportTemplate = {
  colours: { primary: '#1f3a5f', accent: '#e07b39', text: '#222222', background: '#ffffff' },
  font: 'Arial',
  slideSize: '16:9',
};

/**
 * A chart's or table's `footnote` is the user's own, printed instead of the automatic one; the
 * automatic one is still drawn beside it (RenderedItem.footnote) so the builder can show when the
 * data behind it has changed.
 */
export type ReportItem =
  /** A saved chart by name, or a chart spec in place. */
  | { kind: 'chart'; chart: string | ChartSpec; title?: string; footnote?: string }
  /** A saved table (or tab plan: `index` picks its table, first by default) by name, or a spec. */
  | { kind: 'table'; table: string | TableSpec; index?: number; title?: string; footnote?: string }
  | { kind: 'text'; text: string };

export interface ReportPage {
  id: string;
  title: string;
  /** The one line a reader should take away, under the title. */
  takeaway?: string;
  items: ReportItem[];
  /** One copy of this page per value of the variable. */
  repeatEach?: string;
}

export interface Report {
  name: string;
  template: ReportTemplate;
  pages: ReportPage[];
  /** One copy of the whole report per value of the variable. */
  repeatEach?: string;
}

/** The value a repeated page (or an export `each`) stands for, added to its tables' filters. */
export interface RepeatValue {
  variable: string;
  code: number | string;
  label: string;
}

/** What a chart's or table's footnote says: everything behind its numbers. */
export interface FootnoteFacts {
  /** The question text of each stub variable (label, or the name when it has none). */
  questions: Array<{ name: string; label: string }>;
  /** The Total column's bases. */
  base: { n: number; wn: number; effective: number };
  weighted: boolean;
  /** The weight variable's label (or name). */
  weight?: string;
  /** The table's own filter, as written. */
  filter?: string;
  /** The repeat value this copy stands for. */
  repeat?: RepeatValue;
  preset: 'spss' | 'dimensions' | 'q';
  levels: number[];
  /** The test behind the letters, e.g. "z-pooled-proportion", and its adjustment. */
  test?: string;
  adjustment?: string;
  waves: string[];
  countries: string[];
}

export type RenderedItem =
  | {
      kind: 'chart';
      name?: string;
      title: string;
      spec: ChartSpec;
      result: TableResult;
      data: ChartData;
      /** One colour per series (or per category when series come from rows), as on screen. */
      colours: string[];
      facts: FootnoteFacts;
      /** The automatic footnote, from the facts as they stand now. */
      footnote: string;
      /** The user's own footnote, where the page has one: printed instead of `footnote`. */
      ownFootnote?: string;
    }
  | {
      kind: 'table';
      name?: string;
      title: string;
      spec: TableSpec;
      result: TableResult;
      facts: FootnoteFacts;
      /** The automatic footnote, from the facts as they stand now. */
      footnote: string;
      /** The user's own footnote, where the page has one: printed instead of `footnote`. */
      ownFootnote?: string;
    }
  | { kind: 'text'; text: string }
  /** An item that could not be drawn (a saved chart deleted, a variable gone): said, not hidden. */
  | { kind: 'problem'; message: string };

export interface RenderedPage {
  /** The page's id; a repeated copy adds `~<code>`. */
  id: string;
  pageId: string;
  title: string;
  takeaway?: string;
  repeat?: RepeatValue;
  items: RenderedItem[];
}

export interface RenderedReport {
  name: string;
  template: ReportTemplate;
  /** The label language the numbers and labels were drawn in. */
  language: string;
  /** The value the whole report was drawn for (an export's `each`, or a report-level repeat). */
  repeat?: RepeatValue;
  pages: RenderedPage[];
}

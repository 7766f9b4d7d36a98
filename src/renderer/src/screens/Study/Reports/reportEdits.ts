/**
 * The report builder's edits as pure functions over a Report: add, move, duplicate and remove
 * pages, change one page, add or remove an item. Pure, so undo is keeping the previous report
 * and every edit is easy to reason about.
 */
import type { Report, ReportItem, ReportPage } from '../../../../../shared/domain/report';

/**
 * A chart or table item with the user's own footnote. The automatic footnote stays the default;
 * the override is kept beside it in the page (see ReportsView's note on what the saved form keeps).
 */
export type EditableItem = ReportItem & { footnote?: string };

/** An id no page of the report has yet: p1, p2, … */
export function newPageId(report: Report): string {
  const taken = new Set(report.pages.map((page) => page.id));
  let n = report.pages.length + 1;
  while (taken.has(`p${n}`)) n += 1;
  return `p${n}`;
}

/** Inserts a page after `afterIndex` (at the end when it is -1 or past the end). */
export function insertPage(report: Report, page: ReportPage, afterIndex: number): Report {
  const at =
    afterIndex < 0 || afterIndex >= report.pages.length ? report.pages.length : afterIndex + 1;
  return { ...report, pages: [...report.pages.slice(0, at), page, ...report.pages.slice(at)] };
}

/** Moves the page at `from` to position `to` (both clamped to the report). */
export function movePage(report: Report, from: number, to: number): Report {
  const last = report.pages.length - 1;
  const target = Math.max(0, Math.min(last, to));
  if (from < 0 || from > last || from === target) return report;
  const pages = [...report.pages];
  const [moved] = pages.splice(from, 1);
  pages.splice(target, 0, moved!);
  return { ...report, pages };
}

/** A copy of the page right after it, with its own id and "(copy)" after its title. */
export function duplicatePage(report: Report, index: number, copySuffix: string): Report {
  const page = report.pages[index];
  if (!page) return report;
  const copy: ReportPage = {
    ...structuredClone(page),
    id: newPageId(report),
    title: `${page.title} ${copySuffix}`.trim(),
  };
  return insertPage(report, copy, index);
}

export function removePage(report: Report, index: number): Report {
  if (!report.pages[index]) return report;
  return { ...report, pages: report.pages.filter((_, i) => i !== index) };
}

/** Replaces the page with id `pageId` by what `change` makes of it. */
export function updatePage(
  report: Report,
  pageId: string,
  change: (page: ReportPage) => ReportPage,
): Report {
  return {
    ...report,
    pages: report.pages.map((page) => (page.id === pageId ? change(page) : page)),
  };
}

/** Sets a page field that may be left out: an empty value removes it. */
export function withOptional<K extends 'takeaway' | 'repeatEach'>(
  page: ReportPage,
  key: K,
  value: string,
): ReportPage {
  const next = { ...page };
  if (value.trim() === '') delete next[key];
  else next[key] = value;
  return next;
}

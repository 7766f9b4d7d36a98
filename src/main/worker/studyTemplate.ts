/**
 * The study's own report template, kept in study_meta so it travels with the study file: what the
 * study's new reports start from, and — when asked — the template of every report in the study.
 */
import { reportTemplateSchema } from '../../shared/api/reports';
import type { StudyTemplate, StudyTemplateChange } from '../../shared/api/templates';
import { defaultTemplate, type Report, type ReportTemplate } from '../../shared/domain/report';
import { appendAudit } from '../study/auditLog';
import type { ReadableStudyDb, WritableStudyDb } from '../study/studyDb';

const STUDY_TEMPLATE_KEY = 'report_template';

function ownTemplate(db: ReadableStudyDb): ReportTemplate | null {
  const row = db.prepare('SELECT value FROM study_meta WHERE key = ?').get(STUDY_TEMPLATE_KEY) as
    { value: string } | undefined;
  if (!row) return null;
  try {
    const parsed = reportTemplateSchema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  } catch {
    // A damaged value reads as "no template of its own" rather than blocking the Reports view.
    return null;
  }
}

/**
 * The study's template: its own; before it has one, the template of its first report (by name),
 * so a study made before study templates keeps its look; else the default.
 */
export function readStudyTemplate(db: ReadableStudyDb): StudyTemplate {
  const own = ownTemplate(db);
  if (own) return { template: own, own: true };
  const first = db.prepare('SELECT spec_json FROM reports ORDER BY name LIMIT 1').get() as
    { spec_json: string } | undefined;
  const fromReport = first
    ? reportTemplateSchema.safeParse((JSON.parse(first.spec_json) as Partial<Report>).template)
    : null;
  return { template: fromReport?.success ? fromReport.data : defaultTemplate, own: false };
}

/** Makes `template` the study's own and, with `applyToReports`, every report's, in one transaction. */
export function setStudyTemplate(
  db: WritableStudyDb,
  template: ReportTemplate,
  applyToReports: boolean,
): StudyTemplateChange {
  const updatedReports: string[] = [];
  db.transaction(() => {
    db.prepare(
      'INSERT INTO study_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    ).run(STUDY_TEMPLATE_KEY, JSON.stringify(template));
    if (applyToReports) {
      const rows = db
        .prepare('SELECT id, name, spec_json FROM reports ORDER BY name')
        .all() as Array<{
        id: number;
        name: string;
        spec_json: string;
      }>;
      const update = db.prepare('UPDATE reports SET spec_json = ?, updated_at = ? WHERE id = ?');
      const now = new Date().toISOString();
      for (const row of rows) {
        const report = JSON.parse(row.spec_json) as Report;
        update.run(JSON.stringify({ ...report, template }), now, row.id);
        updatedReports.push(row.name);
      }
    }
    appendAudit(db, 'reports.studyTemplate', { applyToReports, reports: updatedReports.length });
  })();
  return { template, updatedReports };
}

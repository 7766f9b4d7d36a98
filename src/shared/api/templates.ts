/**
 * Report templates beyond one report: the study's own template (what its new reports start from,
 * kept in the study so it travels with the file) and templates saved in this user's app settings,
 * offered in every study they open.
 */
import { z } from 'zod';
import type { ReportTemplate } from '../domain/report';
import { method, result } from './apiTypes';
import { reportTemplateSchema } from './reports';

export const templateName = z.string().trim().min(1, 'a template needs a name').max(100);

/** A template saved in the app settings under a name; names match without regard to case. */
export interface SavedTemplate {
  name: string;
  template: ReportTemplate;
  savedAt: string;
}

export interface StudyTemplate {
  template: ReportTemplate;
  /** False while the study has none of its own (then `template` is what new reports get anyway). */
  own: boolean;
}

export interface StudyTemplateChange {
  template: ReportTemplate;
  /** The reports whose template was replaced (with `applyToReports`), by name. */
  updatedReports: string[];
}

export const templateMethods = {
  /** The templates saved in the app settings, by name. */
  'templates.list': method(z.object({}), result<SavedTemplate[]>()),
  /** Saves a template in the app settings; the same name again replaces it. Returns the list. */
  'templates.save': method(
    z.object({ name: templateName, template: reportTemplateSchema }),
    result<SavedTemplate[]>(),
  ),
  'templates.delete': method(z.object({ name: templateName }), result<SavedTemplate[]>()),
  /** The open study's template: its own, else its first report's, else the default. */
  'templates.study': method(z.object({}), result<StudyTemplate>()),
  /** Makes a template the study's own; with `applyToReports`, every report in the study takes it. */
  'templates.setStudy': method(
    z.object({ template: reportTemplateSchema, applyToReports: z.boolean().default(false) }),
    result<StudyTemplateChange>(),
  ),
} as const;

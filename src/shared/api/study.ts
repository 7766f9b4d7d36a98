/** Opening, creating and describing studies; the recent-studies list; the browser-mode file browser. */
import { z } from 'zod';
import type {
  FileBrowserListing,
  RecentStudy,
  StudyDescription,
  StudySummary,
} from '../domain/study';
import { method, result } from './apiTypes';

/** A label language: a 2- or 3-letter code such as de (the keys of the study's labels). */
export const languageCode = z
  .string()
  .regex(/^[a-z]{2,3}$/, 'a language is a 2- or 3-letter code such as de');

const studyPath = z
  .string()
  .min(1, 'a study path is required')
  .refine((p) => p.toLowerCase().endsWith('.cew'), 'a study file ends in .cew');

export const studyMethods = {
  'study.create': method(
    z.object({ path: studyPath, name: z.string().trim().min(1).max(200).optional() }),
    result<StudySummary>(),
  ),
  'study.open': method(z.object({ path: studyPath }), result<StudySummary>()),
  'study.close': method(z.object({}), result<{ closed: boolean }>()),
  'study.current': method(z.object({}), result<StudySummary | null>()),
  'study.describe': method(z.object({}), result<StudyDescription>()),
  'study.saveCopyAs': method(z.object({ path: studyPath }), result<{ path: string }>()),
  'study.rename': method(
    z.object({ name: z.string().trim().min(1).max(200) }),
    result<StudySummary>(),
  ),
  /** The language labels are shown and exported in; emits study.changed so every view follows. */
  'study.setLabelLanguage': method(z.object({ language: languageCode }), result<StudySummary>()),
  /**
   * Opens the demo study in the studies folder, building it first (sources written beside it,
   * imported through the normal mapping path) when it is not there yet; jobId is that build.
   */
  'study.openDemo': method(z.object({}), result<{ study: StudySummary; jobId: string | null }>()),
  'study.listRecent': method(z.object({}), result<RecentStudy[]>()),
  'study.removeRecent': method(z.object({ path: z.string().min(1) }), result<RecentStudy[]>()),
  /** Desktop only: native dialogs. They resolve to null when the user cancels. */
  'study.chooseNewPath': method(z.object({}), result<{ path: string } | null>()),
  'study.chooseExisting': method(z.object({}), result<{ path: string } | null>()),
  /** Browser mode's substitute for native dialogs: folders and .cew files on the server's disk. */
  'files.list': method(
    z.object({
      folder: z.string().min(1).optional(),
      /** Which files to offer beside folders: studies, or survey data files to import. */
      kind: z.enum(['study', 'data']).default('study'),
    }),
    result<FileBrowserListing>(),
  ),
} as const;

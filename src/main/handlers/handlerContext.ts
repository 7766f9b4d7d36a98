/** What every feature's handlers are given: the session, the settings, and the shell's dialogs. */
import type { ExportFileFormat } from '../../shared/api/data';
import type { StudySession } from '../session/studySession';
import type { AppSettings } from '../settings/appSettings';

/** Native file dialogs, supplied by the Electron shell; browser mode and the CLI have none. */
export interface StudyDialogs {
  chooseNewStudyPath(defaultFolder: string): Promise<string | null>;
  chooseExistingStudy(defaultFolder: string): Promise<string | null>;
  chooseDataFile(defaultFolder: string): Promise<string | null>;
  chooseExportPath(defaultPath: string, format: ExportFileFormat): Promise<string | null>;
  /** A folder for exports that write several files (one per value). */
  chooseFolder(defaultFolder: string): Promise<string | null>;
}

export interface HandlerContext {
  mode: 'desktop' | 'browser';
  version: string;
  session: StudySession;
  settings: AppSettings;
  dialogs: StudyDialogs | null;
}

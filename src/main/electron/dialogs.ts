/**
 * How the operating system hands the desktop app a path: the native save and open dialogs (the
 * StudyDialogs the handlers ask for: studies, survey files, export files and folders), and the
 * command line of a double-clicked .cew file.
 * The path rules are pure functions so they are unit-tested without Electron.
 */
import path from 'node:path';
import {
  dialog,
  type BrowserWindow,
  type FileFilter,
  type OpenDialogOptions,
  type SaveDialogOptions,
} from 'electron';
import type { StudyDialogs } from '../handlers/handlerContext';
import { exportDialogTitle, exportFilter, withExportExtension } from './exportDialogRules';

export const STUDY_EXTENSION = '.cew';
const STUDY_FILTERS: FileFilter[] = [{ name: 'Study files', extensions: ['cew'] }];
const DATA_FILTERS: FileFilter[] = [
  { name: 'Survey data', extensions: ['sav', 'zsav', 'sss', 'csv', 'tsv', 'tab', 'txt', 'xlsx'] },
];

export function isStudyPath(file: string): boolean {
  return file.toLowerCase().endsWith(STUDY_EXTENSION);
}

/** Linux and some Windows save dialogs return the typed name as is, without the filter's extension. */
export function ensureStudyExtension(file: string): string {
  return isStudyPath(file) ? file : `${file}${STUDY_EXTENSION}`;
}

/**
 * The .cew files on a command line (first launch or a second instance), resolved against the
 * launching process's working directory. Switches (Chromium adds some) and anything that is not
 * a .cew path are ignored; argv[0] is the executable.
 */
export function studyPathsFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .slice(1)
    .filter((arg) => !arg.startsWith('-') && isStudyPath(arg))
    .map((arg) => path.resolve(workingDirectory, arg));
}

/** Dialogs attached to the window that asked, so they are modal to it. */
export function createStudyDialogs(getWindow: () => BrowserWindow | null): StudyDialogs {
  const parent = () => {
    const window = getWindow();
    return window && !window.isDestroyed() ? window : null;
  };
  return {
    async chooseNewStudyPath(defaultFolder) {
      const options: SaveDialogOptions = {
        title: 'New Study',
        buttonLabel: 'Create',
        defaultPath: path.join(defaultFolder, `Untitled${STUDY_EXTENSION}`),
        filters: STUDY_FILTERS,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const chosen = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return null;
      return ensureStudyExtension(chosen.filePath);
    },
    async chooseExistingStudy(defaultFolder) {
      const options: OpenDialogOptions = {
        title: 'Open Study',
        defaultPath: defaultFolder,
        filters: STUDY_FILTERS,
        properties: ['openFile'],
      };
      const window = parent();
      const chosen = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const file = chosen.filePaths[0];
      if (chosen.canceled || !file) return null;
      return file;
    },
    async chooseDataFile(defaultFolder) {
      const options: OpenDialogOptions = {
        title: 'Import Survey File',
        defaultPath: defaultFolder,
        filters: DATA_FILTERS,
        properties: ['openFile'],
      };
      const window = parent();
      const chosen = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const file = chosen.filePaths[0];
      return chosen.canceled || !file ? null : file;
    },
    async chooseExportPath(defaultPath, format) {
      const options: SaveDialogOptions = {
        title: exportDialogTitle(format),
        buttonLabel: 'Export',
        defaultPath,
        filters: [exportFilter(format)],
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const window = parent();
      const chosen = window
        ? await dialog.showSaveDialog(window, options)
        : await dialog.showSaveDialog(options);
      if (chosen.canceled || !chosen.filePath) return null;
      return withExportExtension(chosen.filePath, format);
    },
    async chooseFolder(defaultFolder) {
      const options: OpenDialogOptions = {
        title: 'Export Into Folder',
        buttonLabel: 'Choose',
        defaultPath: defaultFolder,
        properties: ['openDirectory', 'createDirectory'],
      };
      const window = parent();
      const chosen = window
        ? await dialog.showOpenDialog(window, options)
        : await dialog.showOpenDialog(options);
      const folder = chosen.filePaths[0];
      return chosen.canceled || !folder ? null : folder;
    },
  };
}

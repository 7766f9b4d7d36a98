/** study.* and files.* methods: create, open, copy and close studies; recent list; file browser. */
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { ApiError } from '../../shared/api/apiTypes';
import type { Handlers } from '../../shared/api/index';
import type { FileBrowserEntry } from '../../shared/domain/study';
import { DEMO_STUDY_NAME, demoPaths } from '../demo/demoPaths';
import type { HandlerContext } from './handlerContext';

/** Survey files a reader exists for (readers.ts); the browser-mode file browser offers these. */
const DATA_EXTENSIONS = new Set(['.sav', '.zsav', '.sss', '.csv', '.tsv', '.tab', '.txt', '.xlsx']);

type StudyMethod =
  | 'study.create'
  | 'study.open'
  | 'study.close'
  | 'study.current'
  | 'study.describe'
  | 'study.saveCopyAs'
  | 'study.rename'
  | 'study.setLabelLanguage'
  | 'study.openDemo'
  | 'study.listRecent'
  | 'study.removeRecent'
  | 'study.chooseNewPath'
  | 'study.chooseExisting'
  | 'files.list';

export function studyHandlers(ctx: HandlerContext): Pick<Handlers, StudyMethod> {
  const { session, settings } = ctx;
  const requireDialogs = () => {
    if (!ctx.dialogs) {
      throw new ApiError(
        'unavailable',
        'native dialogs exist only in the desktop app; use files.list',
      );
    }
    return ctx.dialogs;
  };
  return {
    'study.create': async ({ path: file, name }) => {
      // The default studies folder is made on first use; any other folder must already exist.
      if (path.dirname(path.resolve(file)) === path.resolve(settings.studiesFolder)) {
        mkdirSync(settings.studiesFolder, { recursive: true });
      }
      const summary = await session.create(file, name);
      settings.rememberStudy(summary.path, summary.name);
      return summary;
    },
    'study.open': async ({ path: file }) => {
      const summary = await session.openStudy(file);
      settings.rememberStudy(summary.path, summary.name);
      return summary;
    },
    'study.close': async () => ({ closed: await session.close() }),
    'study.current': () => session.current,
    'study.describe': () => {
      session.requireOpen();
      return session.workerClient.call('study.describe', {});
    },
    'study.saveCopyAs': ({ path: file }) => {
      session.requireOpen();
      return session.workerClient.call('study.saveCopyAs', { path: path.resolve(file) });
    },
    'study.rename': async ({ name }) => {
      const summary = await session.rename(name);
      settings.rememberStudy(summary.path, summary.name);
      return summary;
    },
    'study.setLabelLanguage': ({ language }) => session.setLabelLanguage(language),
    'study.openDemo': async () => {
      const { study, sources } = demoPaths(settings.studiesFolder);
      if (existsSync(study)) {
        const summary = await session.openStudy(study);
        if (summary.readOnly || (await session.workerClient.call('demo.isComplete', {}))) {
          settings.rememberStudy(summary.path, summary.name);
          return { study: summary, jobId: null };
        }
        // A build that was killed halfway: start again rather than show half a demo.
        await session.close();
        rmSync(study, { force: true });
      }
      mkdirSync(settings.studiesFolder, { recursive: true });
      const summary = await session.create(study, DEMO_STUDY_NAME);
      settings.rememberStudy(summary.path, summary.name);
      const jobId = session.startJob(
        'Building the demo study',
        async (id) => {
          try {
            return await session.workerClient.call('demo.populate', { sourcesDir: sources }, id);
          } catch (error) {
            // A failed or cancelled build leaves no study behind.
            await session.close();
            rmSync(study, { force: true });
            settings.forgetStudy(study);
            throw error;
          }
        },
        { changesStudy: true },
      );
      return { study: summary, jobId };
    },
    'study.listRecent': () => settings.listRecent(),
    'study.removeRecent': ({ path: file }) => {
      settings.forgetStudy(file);
      return settings.listRecent();
    },
    'study.chooseNewPath': async () => {
      const chosen = await requireDialogs().chooseNewStudyPath(settings.studiesFolder);
      return chosen ? { path: chosen } : null;
    },
    'study.chooseExisting': async () => {
      const chosen = await requireDialogs().chooseExistingStudy(settings.studiesFolder);
      return chosen ? { path: chosen } : null;
    },
    'files.list': ({ folder, kind }) => {
      const target = path.resolve(folder ?? settings.studiesFolder);
      if (!folder) mkdirSync(target, { recursive: true });
      let names;
      try {
        names = readdirSync(target, { withFileTypes: true });
      } catch (error) {
        throw new ApiError(
          'not-found',
          `folder: ${target} cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
        );
      }
      const entries: FileBrowserEntry[] = names
        .filter((entry) => !entry.name.startsWith('.'))
        .flatMap((entry): FileBrowserEntry[] => {
          const full = path.join(target, entry.name);
          if (entry.isDirectory()) return [{ name: entry.name, path: full, kind: 'folder' }];
          const extension = path.extname(entry.name).toLowerCase();
          if (entry.isFile() && kind === 'study' && extension === '.cew') {
            return [{ name: entry.name, path: full, kind: 'study' }];
          }
          if (entry.isFile() && kind === 'data' && DATA_EXTENSIONS.has(extension)) {
            return [{ name: entry.name, path: full, kind: 'data' }];
          }
          return [];
        })
        .sort((a, b) =>
          a.kind === b.kind ? a.name.localeCompare(b.name) : a.kind === 'folder' ? -1 : 1,
        );
      const parent = path.dirname(target);
      return { folder: target, parent: parent === target ? null : parent, entries };
    },
  };
}

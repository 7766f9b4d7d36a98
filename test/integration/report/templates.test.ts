/**
 * Report templates beyond one report, through the real API (dispatch → handlers → settings file
 * and study worker → SQLite): a template saved in the app settings is offered in another study,
 * a study's own template is kept in the study file, and "apply to every report" gives every
 * report of the study that template — as an exported deck shows (slide size, colours, font).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_REPORT } from '../../../src/main/demo/demoReport';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import type { Dispatch } from '../../../src/main/handlers/dispatch';
import type { StudySession } from '../../../src/main/session/studySession';
import { AppSettings } from '../../../src/main/settings/appSettings';
import { closeStudyFile } from '../../../src/main/study/studyFile';
import type { EventMap } from '../../../src/shared/api/events';
import type { Input, MethodName, Result } from '../../../src/shared/api/index';
import { defaultTemplate, type ReportTemplate } from '../../../src/shared/domain/report';
import { tempFolder } from '../../support/studyDb';
import { createStudy, writableDb } from '../import/studyHelpers';
import { apiSession, callThrough } from '../../support/apiSession';

const BRAND: ReportTemplate = {
  colours: { primary: '#8a1538', accent: '#00777a', text: '#303030', background: '#fbfaf4' },
  font: 'Georgia',
  slideSize: '4:3',
};

let folder: string;
let cleanup: () => void;
let demoStudy: string;
let plainStudy: string;
let session: StudySession;
let dispatch: Dispatch;
const finished = new Map<string, EventMap['job.finished']>();

function call<K extends MethodName>(method: K, input: Input<K>): Promise<Result<K>> {
  return callThrough(dispatch, method, input);
}

async function jobResult(jobId: string): Promise<EventMap['job.finished']> {
  for (let waited = 0; waited < 120_000; waited += 20) {
    const done = finished.get(jobId);
    if (done) return done;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the export did not finish');
}

beforeAll(async () => {
  ({ folder, cleanup } = tempFolder('cew-templates-'));
  const demo = createStudy(folder, 'demo');
  await populateDemoStudy(
    writableDb(demo),
    path.join(folder, 'sources'),
    new AbortController().signal,
    () => undefined,
    { customersPerSource: 40, executivesPerSource: 8 },
  );
  closeStudyFile(demo);
  demoStudy = demo.path;
  const plain = createStudy(folder, 'second');
  closeStudyFile(plain);
  plainStudy = plain.path;
  ({ session, dispatch } = apiSession(path.join(folder, 'settings'), (event, payload) => {
    if (event === 'job.finished') {
      const done = payload as EventMap['job.finished'];
      finished.set(done.jobId, done);
    }
  }));
}, 180_000);

afterAll(async () => {
  await session?.dispose();
  cleanup?.();
});

describe('templates saved in the app settings', () => {
  it('are offered in a second study, and kept in the settings file', async () => {
    await session.openStudy(demoStudy);
    expect(await call('templates.list', {})).toEqual([]);
    const list = await call('templates.save', { name: 'Brand X', template: BRAND });
    expect(list.map((entry) => entry.name)).toEqual(['Brand X']);

    await session.openStudy(plainStudy);
    const offered = await call('templates.list', {});
    expect(offered).toHaveLength(1);
    expect(offered[0]).toMatchObject({ name: 'Brand X', template: BRAND });
    // Read again from the file, as the next launch of the app does.
    expect(new AppSettings(path.join(folder, 'settings')).savedTemplates[0]?.template).toEqual(
      BRAND,
    );
  });

  it('replace one of the same name in any case, and can be deleted', async () => {
    const wide = { ...BRAND, slideSize: '16:9' as const };
    const list = await call('templates.save', { name: 'brand x', template: wide });
    expect(list.map((entry) => [entry.name, entry.template.slideSize])).toEqual([
      ['brand x', '16:9'],
    ]);
    await call('templates.save', { name: 'Brand X', template: BRAND });
    await call('templates.save', { name: 'Plain', template: defaultTemplate });
    expect((await call('templates.delete', { name: 'PLAIN' })).map((e) => e.name)).toEqual([
      'Brand X',
    ]);
  });

  it('refuse a template with a colour that is not #rrggbb, naming the field', async () => {
    const bad = { ...BRAND, colours: { ...BRAND.colours, primary: 'red' } };
    await expect(call('templates.save', { name: 'Bad', template: bad })).rejects.toThrow(
      /colours\.primary.*#rrggbb|#rrggbb.*colours\.primary/s,
    );
  });
});

describe('the study’s own template', () => {
  it('is the default in a study without reports, then the one made the study’s, after reopening', async () => {
    await session.openStudy(plainStudy);
    expect(await call('templates.study', {})).toEqual({ template: defaultTemplate, own: false });
    const change = await call('templates.setStudy', { template: BRAND });
    expect(change.updatedReports).toEqual([]);
    await session.openStudy(demoStudy);
    await session.openStudy(plainStudy);
    expect(await call('templates.study', {})).toEqual({ template: BRAND, own: true });
  });

  it('before it is set, is the template of the study’s first report', async () => {
    await session.openStudy(demoStudy);
    const reports = await call('reports.saved', {});
    expect(reports.length).toBeGreaterThan(0);
    expect(await call('templates.study', {})).toEqual({
      template: reports[0]!.report.template,
      own: false,
    });
  });
});

describe('apply to every report in the study', () => {
  it('gives every report the template, and the exported deck has its slide size, colours and font', async () => {
    await session.openStudy(demoStudy);
    const extra = { name: 'Second look', template: defaultTemplate, pages: [] };
    await call('reports.save', { report: extra });
    const before = await call('reports.saved', {});
    expect(before.some((r) => r.report.template.slideSize !== '4:3')).toBe(true);

    const change = await call('templates.setStudy', { template: BRAND, applyToReports: true });
    expect(change.updatedReports).toEqual(before.map((r) => r.name));
    const after = await call('reports.saved', {});
    expect(after.map((r) => r.report.template)).toEqual(after.map(() => BRAND));
    // Pages are untouched: only the template changed.
    expect(after.map((r) => r.report.pages)).toEqual(before.map((r) => r.report.pages));
    expect(await call('templates.study', {})).toEqual({ template: BRAND, own: true });

    const file = path.join(folder, 'demo-branded.pptx');
    const { jobId } = await call('reports.export', {
      name: DEMO_REPORT,
      format: 'pptx',
      path: file,
    });
    const done = await jobResult(jobId);
    expect(done.status, JSON.stringify(done)).toBe('done');
    const zip = await JSZip.loadAsync(readFileSync(file));
    const presentation = await zip.file('ppt/presentation.xml')!.async('string');
    // 4:3 is 10 × 7.5 inches: 9,144,000 × 6,858,000 EMU.
    expect(presentation).toMatch(/<p:sldSz cx="9144000" cy="6858000"/);
    const slide = await zip.file('ppt/slides/slide2.xml')!.async('string');
    expect(slide).toContain('8A1538');
    expect(slide).toContain('typeface="Georgia"');
    expect(slide).not.toContain(defaultTemplate.colours.primary.slice(1).toUpperCase());
  }, 120_000);
});

/**
 * The demo study's Customer Energy segmentation, as "Open demo study" saves it: the shares come
 * out near the generator's design (docs/demo-study.md: 3–5% creators and 17–23% contributors of
 * online customers with the default seed and sizes), executives and offline customers have no
 * segment, and the directions the generator builds in (Germany least energetic, South Korea most)
 * show in the shares by country.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { populateDemoStudy } from '../../../src/main/demo/demoStudy';
import { closeStudyFile, type OpenStudy } from '../../../src/main/study/studyFile';
import { ColumnCache } from '../../../src/main/worker/columnCache';
import { listSegmentations, previewSegmentation } from '../../../src/main/worker/studySegments';
import { studyTableData } from '../../../src/main/worker/studyTableData';
import type { SegmentPreview } from '../../../src/shared/domain/segments';
import { tempFolder } from '../../support/studyDb';
import { createStudy, writableDb } from '../import/studyHelpers';

let study: OpenStudy;
let cleanup: () => void;
let preview: SegmentPreview;

beforeAll(async () => {
  const temp = tempFolder('cew-demo-segments-');
  cleanup = temp.cleanup;
  study = createStudy(temp.folder, 'demo');
  // Default seed and sizes: 1,000 customers and 100 executives per source.
  await populateDemoStudy(
    writableDb(study),
    path.join(temp.folder, 'sources'),
    new AbortController().signal,
    () => undefined,
  );
  preview = previewSegmentation(study.db, new ColumnCache(study.db), {
    scheme: 'customer-energy',
    bindings: {},
  });
}, 300_000);

afterAll(() => {
  closeStudyFile(study);
  cleanup();
});

const share = (p: SegmentPreview, code: number) => p.segments.find((s) => s.code === code)!.share;

describe('Customer Energy in the demo study', () => {
  it('is saved by the demo as the segment variable energy', () => {
    const [energy] = listSegmentations(study.db, new ColumnCache(study.db));
    expect(energy?.name).toBe('energy');
    expect(energy?.method).toBe('rules');
    expect(energy?.segments.map((s) => [s.code, s.label])).toEqual([
      [1, 'Creators'],
      [2, 'Contributors'],
      [3, 'Viewers'],
    ]);
    expect(energy!.segments.map((s) => s.count)).toEqual(preview.segments.map((s) => s.count));
  });

  it('finds 3–5% creators and 17–23% contributors among online customers, the rest viewers', () => {
    expect(share(preview, 1)).toBeGreaterThanOrEqual(0.03);
    expect(share(preview, 1)).toBeLessThanOrEqual(0.05);
    expect(share(preview, 2)).toBeGreaterThanOrEqual(0.17);
    expect(share(preview, 2)).toBeLessThanOrEqual(0.23);
    expect(share(preview, 3)).toBeCloseTo(1 - share(preview, 1) - share(preview, 2), 12);
    expect(preview.undecided).toBe(0);
  });

  it('leaves executives and offline customers without a segment', () => {
    const data = studyTableData(study.db, new ColumnCache(study.db));
    const energy = data.variable('energy').values;
    const type = data.variable('respondent_type').values;
    const online = data.variable('online').values;
    let customersOnline = 0;
    for (let i = 0; i < energy.length; i++) {
      const inUniverse = type[i] === 1 && online[i] === 1;
      if (inUniverse) customersOnline++;
      expect(Number.isNaN(energy[i]!), `row ${i}`).toBe(!inUniverse);
    }
    expect(preview.universe).toBe(customersOnline);
  });

  it('gives shares by country, industry and wave, Korea more energetic than Germany', () => {
    expect(preview.byGroup.map((g) => g.variable)).toEqual(['country', 'industry', 'wave']);
    const byCountry = preview.byGroup[0]!.groups;
    const energetic = (label: string) => {
      const group = byCountry.find((g) => g.label === label)!;
      return group.segments[0]!.share + group.segments[1]!.share;
    };
    expect(byCountry.map((g) => g.label).sort()).toEqual([
      'France',
      'Germany',
      'Italy',
      'South Korea',
    ]);
    expect(energetic('South Korea')).toBeGreaterThan(energetic('Germany'));
    expect(preview.byGroup[1]!.groups).toHaveLength(6);
    expect(preview.byGroup[2]!.groups.map((g) => g.label)).toEqual(['2025', '2026']);
  });
});

/**
 * Specification of the demo study's source files (issue #8): written in delivery order in each
 * agency's format, byte-identical for the same seed, readable by the app's own readers with the
 * names, labels and code pages the agencies use, and — read back and segmented by the customer
 * energy rules — giving about 4% creators, 20% contributors and 76% viewers of online customers,
 * with real differences between countries and industries.
 */
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import iconv from 'iconv-lite';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { writeDemoSources, type DemoSourceFile } from '../../../../src/main/demo/demoSources';
import { industryValues, questionnaireVariable } from '../../../../src/main/demo/questionnaire';
import { numbersOf, type ImportedDataset } from '../../../../src/main/import/importedDataset';
import { readDataset } from '../../../../src/main/import/readers';

const dirs: string[] = [];
async function freshDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'demo-sources-test-'));
  dirs.push(dir);
  return dir;
}
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

async function fileHashes(dir: string): Promise<Record<string, string>> {
  const hashes: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort())
    hashes[name] = createHash('sha256')
      .update(await readFile(path.join(dir, name)))
      .digest('hex');
  return hashes;
}

function read(file: DemoSourceFile): Promise<ImportedDataset> {
  return readDataset(file.path, file.encoding === undefined ? {} : { encoding: file.encoding });
}

function variable(dataset: ImportedDataset, name: string): ImportedDataset['variables'][number] {
  const found = dataset.variables.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`no variable ${name}`);
  return found;
}

function column(dataset: ImportedDataset, name: string): ImportedDataset['columns'][number] {
  return dataset.columns[dataset.variables.indexOf(variable(dataset, name))]!;
}

/**
 * A coded variable's answers as the questionnaire's codes, found through the file's value labels
 * — as the importer maps them, since the French CSV's codes are only the texts' order.
 */
function masterCodes(
  dataset: ImportedDataset,
  name: string,
  labels: Array<{ code: number; label: string }>,
): Float64Array {
  const codeOfLabel = new Map(labels.map(({ code, label }) => [label, code]));
  const labelOfCode = new Map(
    variable(dataset, name).valueLabels.map(({ code, label }) => [code, label]),
  );
  const values = column(dataset, name);
  if (values.kind === 'text') throw new Error(`${name} is not coded`);
  return numbersOf(values).map((code) => {
    if (Number.isNaN(code)) return Number.NaN;
    const master = codeOfLabel.get(labelOfCode.get(code) ?? '');
    if (master === undefined) throw new Error(`${name}: code ${code} has no questionnaire label`);
    return master;
  });
}

function questionnaireLabels(
  name: string,
  language: string,
): Array<{ code: number; label: string }> {
  return questionnaireVariable(name).values.map((value) => ({
    code: value.code,
    label: value.labels[language]!,
  }));
}

const CUSTOMER_2025 = [
  'resp_id',
  'industry',
  'age',
  'age_group',
  'gender',
  'area',
  'online',
  'create_video',
  'create_blog',
  'create_review',
  'create_idea',
  'comment',
  'rate',
  'recommend',
  'read_reviews',
  'compare_prices',
  'energy_positive',
  'energy_negative',
  'motive',
  'motive_other',
  'attachment',
  'fatigue',
  'deal_seeking',
];
const CUSTOMER_2026 = CUSTOMER_2025.map((name) =>
  name === 'rate' ? 'rate_brands' : name === 'deal_seeking' ? 'deal_hunting' : name,
);
const EXECUTIVE = [
  'exec_id',
  'industry',
  'exec_role',
  'company_size',
  'ce_importance_now',
  'ce_importance_5y',
  'ce_threat',
  'engage_creators',
  'engage_contributors',
];

describe('writeDemoSources', () => {
  let dir: string;
  let files: DemoSourceFile[];
  beforeAll(async () => {
    dir = await freshDir();
    files = await writeDemoSources(dir, { customersPerSource: 40, executivesPerSource: 8 });
  });

  it('lists the files in delivery order: wave 2025 DE, IT, FR, then 2026 DE, IT, FR, KR, customers before executives', () => {
    expect(files.map((file) => `${file.wave} ${file.country} ${file.respondentType}`)).toEqual([
      '2025 DE customer',
      '2025 DE executive',
      '2025 IT customer',
      '2025 IT executive',
      '2025 FR customer',
      '2025 FR executive',
      '2026 DE customer',
      '2026 DE executive',
      '2026 IT customer',
      '2026 IT executive',
      '2026 FR customer',
      '2026 FR executive',
      '2026 KR customer',
      '2026 KR executive',
    ]);
  });

  it("writes each country in its agency's format and language, naming the code page only where the file cannot", () => {
    const byCountry = new Map(files.map((file) => [file.country, file]));
    expect(
      [...byCountry.values()].map((file) => ({
        country: file.country,
        extension: path.extname(file.path),
        language: file.language,
        encoding: file.encoding,
      })),
    ).toEqual([
      { country: 'DE', extension: '.sav', language: 'de', encoding: undefined },
      { country: 'IT', extension: '.xlsx', language: 'it', encoding: undefined },
      { country: 'FR', extension: '.csv', language: 'fr', encoding: 'windows-1252' },
      { country: 'KR', extension: '.sss', language: 'ko', encoding: undefined },
    ]);
    expect(files.every((file) => path.isAbsolute(file.path))).toBe(true);
  });

  it('puts the Triple-S data file beside its metadata under the same stem', async () => {
    const names = await readdir(dir);
    expect(names).toContain('KR_2026_customers.sss');
    expect(names).toContain('KR_2026_customers.csv');
    expect(names).toHaveLength(16);
  });

  it('writes byte-identical files for the same seed, whatever the clock says', async () => {
    const first = await freshDir();
    const second = await freshDir();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(new Date('2031-07-09T23:59:58Z'));
      await writeDemoSources(first, { seed: 42, customersPerSource: 40, executivesPerSource: 8 });
      vi.setSystemTime(new Date('2033-01-02T03:04:05Z'));
      await writeDemoSources(second, { seed: 42, customersPerSource: 40, executivesPerSource: 8 });
    } finally {
      vi.useRealTimers();
    }
    const hashes = await fileHashes(first);
    expect(Object.keys(hashes)).toHaveLength(16);
    expect(await fileHashes(second)).toEqual(hashes);
  });

  it('writes other answers for another seed', async () => {
    const other = await freshDir();
    await writeDemoSources(other, { seed: 43, customersPerSource: 40, executivesPerSource: 8 });
    const hashes = await fileHashes(dir);
    const otherHashes = await fileHashes(other);
    // A Triple-S metadata file holds no answers: only its data file may differ.
    const answers = Object.keys(hashes).filter((name) => !name.endsWith('.sss'));
    expect(answers).toHaveLength(14);
    for (const name of answers) expect(otherHashes[name], name).not.toBe(hashes[name]);
  });

  it('keeps the answers of one file when another file changes size', async () => {
    const more = await freshDir();
    await writeDemoSources(more, { customersPerSource: 40, executivesPerSource: 9 });
    const hashes = await fileHashes(dir);
    const moreHashes = await fileHashes(more);
    expect(moreHashes['DE_2025_customers.sav']).toBe(hashes['DE_2025_customers.sav']);
    expect(moreHashes['DE_2025_executives.sav']).not.toBe(hashes['DE_2025_executives.sav']);
  });

  it('refuses respondent counts it cannot number', async () => {
    await expect(writeDemoSources(dir, { customersPerSource: 0 })).rejects.toThrow(
      /customersPerSource/,
    );
    await expect(writeDemoSources(dir, { executivesPerSource: 2.5 })).rejects.toThrow(
      /executivesPerSource/,
    );
  });
});

describe('the default demo read back with the app’s own readers', () => {
  let files: DemoSourceFile[];
  const datasets = new Map<DemoSourceFile, ImportedDataset>();
  const customers = (): DemoSourceFile[] =>
    files.filter((file) => file.respondentType === 'customer');
  const find = (country: string, wave: string, type = 'customer'): DemoSourceFile =>
    files.find(
      (file) => file.country === country && file.wave === wave && file.respondentType === type,
    )!;
  beforeAll(async () => {
    files = await writeDemoSources(await freshDir());
    for (const file of files) datasets.set(file, await read(file));
  });

  it('reads every file without a warning, with one row per respondent', () => {
    for (const file of files) {
      const dataset = datasets.get(file)!;
      expect(dataset.warnings, file.path).toEqual([]);
      expect(dataset.cases, file.path).toBe(file.respondentType === 'customer' ? 1000 : 100);
    }
  });

  it('names the variables as the questionnaire does, with the two renames in every 2026 customer file', () => {
    for (const file of files) {
      const expected =
        file.respondentType === 'executive'
          ? EXECUTIVE
          : file.wave === '2025'
            ? CUSTOMER_2025
            : CUSTOMER_2026;
      expect(
        datasets.get(file)!.variables.map((v) => v.name),
        file.path,
      ).toEqual(expected);
    }
  });

  it('gives every respondent a unique ID across all files', () => {
    const ids = new Set<number>();
    for (const file of files) {
      const dataset = datasets.get(file)!;
      const ids_ = column(dataset, dataset.variables[0]!.name);
      if (ids_.kind === 'text') throw new Error('IDs are numbers');
      for (const id of numbersOf(ids_)) ids.add(id);
    }
    expect(ids.size).toBe(7 * 1000 + 7 * 100);
  });

  it('labels the German .sav in German and declares "don’t know" user-missing', () => {
    const dataset = datasets.get(find('DE', '2025'))!;
    expect(variable(dataset, 'create_video').label).toBe(
      'Videos über Produkte oder Marken erstellen',
    );
    expect(variable(dataset, 'create_video').valueLabels).toEqual([
      { code: 1, label: 'Nie' },
      { code: 2, label: 'Seltener als einmal im Monat' },
      { code: 3, label: 'Monatlich' },
      { code: 4, label: 'Wöchentlich' },
      { code: 5, label: 'Täglich' },
    ]);
    expect(variable(dataset, 'attachment').missing).toEqual([99]);
    expect(variable(dataset, 'attachment').valueLabels).toContainEqual({
      code: 99,
      label: 'Weiß nicht',
    });
  });

  it('labels the Italian workbook through its codebook sheet, in Italian, keeping the codes', () => {
    const dataset = datasets.get(find('IT', '2025'))!;
    expect(variable(dataset, 'industry')).toMatchObject({
      label: 'Settore',
      type: 'single',
      valueLabels: industryValues('it'),
    });
    expect(variable(dataset, 'deal_seeking').label).toBe(
      "Prima di acquistare cerco sempre l'offerta migliore",
    );
    expect(variable(dataset, 'online').valueLabels).toEqual([
      { code: 1, label: 'Usa Internet' },
      { code: 2, label: 'Non usa Internet' },
    ]);
  });

  it('writes the French answer texts into the CSV in Windows-1252, accents intact', async () => {
    const file = find('FR', '2025');
    const bytes = await readFile(file.path);
    expect(new TextDecoder('utf-8', { fatal: false }).decode(bytes)).toContain('\uFFFD');
    const text = iconv.decode(bytes, 'windows-1252');
    expect(text.split('\r\n')[0]).toBe(CUSTOMER_2025.join(';'));
    expect(text).toContain(';Télécommunications;');
    const dataset = datasets.get(file)!;
    expect(dataset.encoding).toBe('windows-1252');
    expect(
      variable(dataset, 'industry')
        .valueLabels.map((value) => value.label)
        .sort(),
    ).toEqual(
      industryValues('fr')
        .map((value) => value.label)
        .sort(),
    );
    expect(variable(dataset, 'create_review').valueLabels.map((value) => value.label)).toEqual(
      expect.arrayContaining(['Jamais', "Moins d'une fois par mois"]),
    );
    expect(
      variable(dataset, 'online')
        .valueLabels.map((value) => value.label)
        .sort(),
    ).toEqual(["N'utilise pas Internet", 'Utilise Internet']);
  });

  it('keeps the Korean labels and open answers of the Triple-S files, decoded by the declared code page', () => {
    const dataset = datasets.get(find('KR', '2026'))!;
    expect(dataset.format).toBe('sss');
    expect(variable(dataset, 'online').label).toBe('인터넷 이용');
    expect(variable(dataset, 'industry').valueLabels).toEqual(industryValues('ko'));
    expect(variable(dataset, 'create_video').valueLabels[4]).toEqual({ code: 5, label: '매일' });
    const verbatims = column(dataset, 'motive_other');
    if (verbatims.kind !== 'text') throw new Error('motive_other is text');
    const answers = verbatims.values.filter((value) => value !== null);
    expect(answers.length).toBeGreaterThan(0);
    for (const answer of answers) expect(answer).toMatch(/^[\uAC00-\uD7A3 ]+$/);
  });

  it('writes the Korean files only in byte pairs EUC-KR shares with CP949, so either decoder reads them', async () => {
    const sss = find('KR', '2026').path;
    for (const file of [sss, sss.replace(/\.sss$/, '.csv')]) {
      const bytes = await readFile(file);
      let pairs = 0;
      for (let i = 0; i < bytes.length; i++) {
        if (bytes[i]! < 0x80) continue;
        expect(bytes[i]! >= 0xa1 && bytes[i]! <= 0xfe && bytes[i + 1]! >= 0xa1, file).toBe(true);
        expect(bytes[i + 1]! <= 0xfe, file).toBe(true);
        pairs++;
        i++;
      }
      expect(pairs).toBeGreaterThan(0);
    }
  });

  it('reads the Korean survey the same when the importer is told CP949', async () => {
    const file = find('KR', '2026');
    const told = await readDataset(file.path, { encoding: 'cp949' });
    const untold = datasets.get(file)!;
    expect(told.variables.map((v) => [v.label, v.valueLabels])).toEqual(
      untold.variables.map((v) => [v.label, v.valueLabels]),
    );
    expect(told.columns).toEqual(untold.columns);
  });

  it('renumbers the motive code frame in 2026 and adds one reason, keeping the old reasons’ labels', () => {
    const old = variable(datasets.get(find('DE', '2025'))!, 'motive').valueLabels;
    const renewed = variable(datasets.get(find('DE', '2026'))!, 'motive').valueLabels;
    expect(renewed).toHaveLength(old.length + 1);
    const codeOf = (labels: typeof old, label: string): number | string | undefined =>
      labels.find((value) => value.label === label)?.code;
    const oldLabels = old.map((value) => value.label);
    expect(renewed.filter((value) => !oldLabels.includes(value.label))).toEqual([
      { code: 4, label: 'Zur Unterhaltung' },
    ]);
    const moved = oldLabels.filter((label) => codeOf(old, label) !== codeOf(renewed, label));
    expect(moved.length).toBeGreaterThanOrEqual(4);
  });

  it('leaves the behaviour questions system-missing for customers who are not online', () => {
    for (const file of customers()) {
      const dataset = datasets.get(file)!;
      const online = masterCodes(dataset, 'online', questionnaireLabels('online', file.language));
      const video = column(dataset, 'create_video');
      if (video.kind === 'text') throw new Error('create_video is coded');
      const answers = numbersOf(video);
      online.forEach((code, row) => {
        expect(Number.isNaN(answers[row]!), `${file.path} row ${row + 1}`).toBe(code === 2);
      });
    }
  });

  describe('segmented by the customer energy rules', () => {
    const CREATING = ['create_video', 'create_blog', 'create_review', 'create_idea'];
    const CONTRIBUTING = ['comment', 'rate', 'recommend'];
    type Segment = 'creator' | 'contributor' | 'viewer' | 'offline';
    interface Customer {
      country: string;
      wave: string;
      industry: string;
      segment: Segment;
    }
    let segmented: Customer[];

    beforeAll(() => {
      segmented = customers().flatMap((file) => {
        const dataset = datasets.get(file)!;
        const codes = (name: string): Float64Array => {
          const sourceName = file.wave === '2026' && name === 'rate' ? 'rate_brands' : name;
          return masterCodes(dataset, sourceName, questionnaireLabels(name, file.language));
        };
        const online = codes('online');
        const creating = CREATING.map(codes);
        const contributing = CONTRIBUTING.map(codes);
        const industry = masterCodes(dataset, 'industry', industryValues(file.language));
        return Array.from(online, (code, row): Customer => {
          const atLeastMonthly = (items: Float64Array[]): boolean =>
            items.some((item) => item[row]! >= 3);
          const segment: Segment =
            code !== 1
              ? 'offline'
              : atLeastMonthly(creating)
                ? 'creator'
                : atLeastMonthly(contributing)
                  ? 'contributor'
                  : 'viewer';
          return {
            country: file.country,
            wave: file.wave,
            industry: String(industry[row]),
            segment,
          };
        });
      });
    });

    /** Percentages of online customers per segment, for those matching `where`. */
    function shares(where: (customer: Customer) => boolean = () => true): Record<Segment, number> {
      const online = segmented.filter((c) => where(c) && c.segment !== 'offline');
      const share = (segment: Segment): number =>
        (100 * online.filter((c) => c.segment === segment).length) / online.length;
      return {
        creator: share('creator'),
        contributor: share('contributor'),
        viewer: share('viewer'),
        offline: 0,
      };
    }

    it('finds 85–95% of customers online', () => {
      const online = segmented.filter((c) => c.segment !== 'offline').length;
      expect(online / segmented.length).toBeGreaterThanOrEqual(0.85);
      expect(online / segmented.length).toBeLessThanOrEqual(0.95);
    });

    it('finds 3–5% creators, 17–23% contributors and the rest viewers among online customers', () => {
      const overall = shares();
      expect(overall.creator).toBeGreaterThanOrEqual(3);
      expect(overall.creator).toBeLessThanOrEqual(5);
      expect(overall.contributor).toBeGreaterThanOrEqual(17);
      expect(overall.contributor).toBeLessThanOrEqual(23);
      expect(overall.viewer).toBeCloseTo(100 - overall.creator - overall.contributor, 10);
    });

    it('finds different shares by country, Korea and Italy more energetic than Germany', () => {
      const byCountry = Object.fromEntries(
        ['DE', 'IT', 'FR', 'KR'].map((country) => [country, shares((c) => c.country === country)]),
      );
      const creators = Object.values(byCountry).map((share) => share.creator);
      expect(Math.max(...creators) - Math.min(...creators)).toBeGreaterThanOrEqual(1);
      const energetic = (country: string): number =>
        byCountry[country]!.creator + byCountry[country]!.contributor;
      expect(energetic('KR')).toBeGreaterThan(energetic('DE'));
      expect(energetic('IT')).toBeGreaterThan(energetic('DE'));
    });

    it('finds banking customers the least energetic industry', () => {
      const banking = String(industryValues('en').find((v) => v.label === 'Banking')!.code);
      const energetic = (industry: string): number => {
        const share = shares((c) => c.industry === industry);
        return share.creator + share.contributor;
      };
      const others = ['1', '2', '4', '5', '6'].filter((code) => code !== banking);
      for (const industry of others)
        expect(energetic(industry)).toBeGreaterThan(energetic(banking));
    });

    it('finds wave 2026 a little more energetic than 2025 in the countries of both waves', () => {
      const energetic = (wave: string): number => {
        const share = shares((c) => c.wave === wave && c.country !== 'KR');
        return share.creator + share.contributor;
      };
      expect(energetic('2026')).toBeGreaterThan(energetic('2025'));
    });
  });
});

import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type {
  SchemeInfo,
  SegmentPreview,
  SegmentScheme,
} from '../../../src/shared/domain/segments';
import { DemoStudyPage } from '../pages/demo-study-page';
import { SegmentsPage, tableRows } from '../pages/segments-page';
import { screenshot, type WebApp } from '../support/webApp';
import { openWorkbench } from '../support/workbench';
import { callApi } from '../support/pageApi';

/** Live counts follow 300 ms after the last change, plus the preview itself: room for a busy machine. */
const POLL = { timeout: 15_000, interval: 100 };

const count = (n: number) => n.toLocaleString('en-US');
const share = (s: number) => `${(s * 100).toFixed(1)}%`;

describe('a consultant segments the demo study in the Segments view (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];
  let segments: SegmentsPage;
  /** segments.preview of Customer Energy with creators at least weekly, asked by the test itself. */
  let weekly: SegmentPreview;

  beforeAll(async () => {
    ({ app, browser, page, problems } = await openWorkbench({ width: 1280, height: 800 }));
    const demo = new DemoStudyPage(page);
    await demo.openBuilt();
    segments = new SegmentsPage(page);
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('lists the saved energy segmentation beside the published reference, by country', async () => {
    await segments.open();
    const energy = segments.segmentsOf('energy');
    await energy.waitFor();
    expect(await tableRows(energy)).toEqual([
      ['Creators', '264', '4.3%', 'under 5%'],
      ['Contributors', '1,199', '19.5%', 'about 20%'],
      ['Viewers', '4,690', '76.2%', 'about 75%'],
    ]);
    const card = page.getByRole('article', { name: 'energy' });
    await expect(card.getByText('rules', { exact: true }).isVisible()).resolves.toBe(true);
    await expect(card.getByText('6,153 respondents in a segment').isVisible()).resolves.toBe(true);
    await expect(card.textContent()).resolves.toContain(
      'Creators: any of create_video, create_blog, create_review, create_idea ≥ 3 · Contributors: any of comment, rate, recommend ≥ 3 · Viewers: everyone else — among respondent_type = 1 and online = 1',
    );
    // Shares by country, industry and wave side by side; countries by name (docs/segmentation.md).
    const byCountry = segments.sharesOf('energy', 'country');
    await byCountry.waitFor();
    const countries = await tableRows(byCountry);
    expect(countries.map((row) => row[0])).toEqual(['Germany', 'Italy', 'France', 'South Korea']);
    expect(countries[0]!.slice(1, 4)).toEqual(['3.0%', '15.0%', '82.0%']);
    expect(countries[3]!.slice(1, 4)).toEqual(['6.6%', '24.4%', '69.0%']);
    await segments.sharesOf('energy', 'industry').waitFor();
    expect((await tableRows(segments.sharesOf('energy', 'wave'))).map((r) => r[0])).toEqual([
      '2025',
      '2026',
    ]);
    await screenshot(page, '70-segments-saved');
  });

  it('counts fewer creators live when their threshold rises from monthly to weekly', async () => {
    await segments.showPane('Rule builder');
    // The builder starts from Customer Energy: the same counts as the saved energy.
    await expect
      .poll(() => segments.settledLiveCounts(), POLL)
      .toEqual([
        ['Creators', '264', '4.3%', 'under 5%'],
        ['Contributors', '1,199', '19.5%', 'about 20%'],
        ['Viewers', '4,690', '76.2%', 'about 75%'],
      ]);
    await expect(segments.liveFact('In the universe')).resolves.toBe('6,153');
    await expect(segments.liveFact('Undecided')).resolves.toBe('0');
    const threshold = segments.threshold('Creators, condition 1');
    expect(await threshold.locator('option').allInnerTexts()).toEqual([
      '1 Never',
      '2 Less than once a month',
      '3 Monthly',
      '4 Weekly',
      '5 Daily',
    ]);
    await expect(threshold.inputValue()).resolves.toBe('3');
    await screenshot(page, '71-rule-builder-monthly');

    // By keyboard: the select is a native one, so an arrow key moves to the next answer.
    await threshold.focus();
    await page.keyboard.press('ArrowDown');
    await expect(threshold.inputValue()).resolves.toBe('4');

    // What the rules now say, asked of the API directly: the scheme with creators at ≥ 4.
    const schemes = await callApi<SchemeInfo[]>(page, 'segments.schemes', {});
    const energy = schemes.find((info) => info.scheme.name === 'customer-energy')!.scheme;
    const weeklyScheme: SegmentScheme = {
      ...energy,
      rules: energy.rules.map((rule) =>
        rule.code === 1 && 'any' in rule.when
          ? { ...rule, when: { any: rule.when.any.map((test) => ({ ...test, value: 4 })) } }
          : rule,
      ),
    };
    weekly = await callApi<SegmentPreview>(page, 'segments.preview', { scheme: weeklyScheme });
    const [creators, contributors, viewers] = weekly.segments;
    expect(creators!.count).toBeLessThan(264);
    // Fewer creators; those who create only monthly fall to contributors or viewers.
    expect(creators!.count + contributors!.count + viewers!.count).toBe(6153);
    await expect
      .poll(() => segments.settledLiveCounts(), POLL)
      .toEqual(
        weekly.segments.map((segment) => [
          segment.label,
          count(segment.count),
          share(segment.share),
          segment.reference!.text,
        ]),
      );
    await expect(segments.liveFact('Undecided')).resolves.toBe(count(weekly.undecided));
    await screenshot(page, '72-rule-builder-weekly');
  });

  it('saves the weekly rules as energy_weekly and lists it with the same counts', async () => {
    await page.getByLabel('Title', { exact: true }).fill('Customer energy, weekly creators');
    await page.getByLabel('Segment variable name').fill('energy_weekly');
    await page.getByRole('button', { name: 'Save as segment variable' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved energy_weekly' }).waitFor();
    await page.getByLabel(/^Scheme name/).fill('weekly-energy');
    await page.getByRole('button', { name: 'Save scheme for reuse' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved the scheme weekly-energy' }).waitFor();
    // The list of schemes is read again after the save has answered: wait for it.
    const savedScheme = page
      .getByLabel('Start from')
      .locator('option', { hasText: 'weekly-energy' });
    await savedScheme.waitFor({ state: 'attached' });
    await expect(savedScheme.count()).resolves.toBe(1);

    await segments.showPane('Saved segmentations');
    const saved = segments.segmentsOf('energy_weekly');
    await saved.waitFor();
    expect(await tableRows(saved)).toEqual(
      weekly.segments.map((segment) => [
        segment.label,
        count(segment.count),
        share(segment.share),
        segment.reference!.text,
      ]),
    );
    await expect(
      page.getByRole('article', { name: 'energy_weekly' }).textContent(),
    ).resolves.toContain('Customer energy, weekly creators');
    // energy itself is unchanged.
    expect((await tableRows(segments.segmentsOf('energy')))[0]).toEqual([
      'Creators',
      '264',
      '4.3%',
      'under 5%',
    ]);
    await page.getByRole('article', { name: 'energy_weekly' }).scrollIntoViewIfNeeded();
    await screenshot(page, '73-segments-energy-weekly');
  });

  it('opens the saved energy rules and splits creators and contributors by valence', async () => {
    await page.getByRole('button', { name: 'Edit the rules of energy', exact: true }).click();
    await expect(segments.threshold('Creators, condition 1').inputValue()).resolves.toBe('3');
    await expect(page.getByLabel('Segment variable name').inputValue()).resolves.toBe('energy');
    await page
      .getByRole('checkbox', { name: /Split Creators and Contributors by valence/ })
      .check();
    // docs/segmentation.md: on the demo, 3.5% / 0.7% / 15.6% / 3.2% / 77.0% with 62 undecided.
    await expect
      .poll(async () => (await segments.settledLiveCounts()).map((row) => [row[0], row[2]]), POLL)
      .toEqual([
        ['Creators (positive)', '3.5%'],
        ['Creators (negative)', '0.7%'],
        ['Contributors (positive)', '15.6%'],
        ['Contributors (negative)', '3.2%'],
        ['Viewers', '77.0%'],
      ]);
    await expect(segments.liveFact('Undecided')).resolves.toBe('62');
    await screenshot(page, '74-rule-builder-valence');
  });

  it('starts from the Social Technographics template and drops the roles the demo lacks', async () => {
    await page
      .getByLabel('Start from')
      .selectOption({ label: 'Social Technographics ladder (Forrester)' });
    const unbound = page.locator('.notice--warn', { hasText: 'Not variables of this study' });
    await expect(unbound.textContent()).resolves.toContain(
      'create_web_page, post_status, post_forum, edit_wiki, use_rss, tag_content, vote_online, social_profile, read_blogs, watch_video, listen_podcasts, read_forums',
    );
    await expect(segments.liveState.textContent()).resolves.toBe('waiting for a complete rule');
    await screenshot(page, '75-rule-builder-template');
    await unbound.getByRole('button', { name: 'Drop them' }).click();
    await page
      .getByText('and the rules left with no condition: Conversationalists, Collectors, Joiners.', {
        exact: false,
      })
      .waitFor();

    // The same arithmetic through the API: the template without the variables the demo lacks.
    const schemes = await callApi<SchemeInfo[]>(page, 'segments.schemes', {});
    const ladder = schemes.find((info) => info.scheme.name === 'social-technographics')!.scheme;
    const present = new Set([
      'create_blog',
      'create_video',
      'create_review',
      'comment',
      'read_reviews',
    ]);
    const rules = ladder.rules.flatMap((rule) => {
      if (!('any' in rule.when)) return [rule];
      const kept = rule.when.any.filter((test) => 'role' in test && present.has(test.role));
      return kept.length > 0 ? [{ ...rule, when: { any: kept } }] : [];
    });
    const trimmed: SegmentScheme = {
      ...ladder,
      roles: ladder.roles.filter((role) => role.name === 'online' || present.has(role.name)),
      rules,
    };
    const expected = await callApi<SegmentPreview>(page, 'segments.preview', { scheme: trimmed });
    expect(expected.segments.map((segment) => segment.label)).toEqual([
      'Creators',
      'Critics',
      'Spectators',
      'Inactives',
    ]);
    await expect
      .poll(() => segments.settledLiveCounts(), POLL)
      .toEqual(
        expected.segments.map((segment) => [
          segment.label,
          count(segment.count),
          share(segment.share),
        ]),
      );
  });

  it('clusters three attitudes for k = 2..4 and saves the clusters as a segment variable', async () => {
    await segments.showPane('Clustering');
    for (const variable of ['attachment', 'fatigue', 'deal_seeking'])
      await segments.addVariable('Clustering', variable);
    await page.getByLabel('k from').fill('2');
    await page.getByLabel('k to').fill('4');
    await page.getByRole('button', { name: 'Run k-means' }).click();
    await segments.diagnostics.waitFor({ timeout: 60_000 });
    const rows = await tableRows(segments.diagnostics);
    // Columns: the Show choice, k, within-cluster SS, between %, silhouette, sizes.
    expect(rows.map((row) => row[1])).toEqual(['2', '3', '4']);
    // Sizes per k add up to everyone clustered; between % grows with k.
    for (const row of rows)
      expect(row[5]!.split(' / ').reduce((sum, n) => sum + Number(n.replace(/,/g, '')), 0)).toBe(
        6617,
      );
    const between = rows.map((row) => Number(row[3]!.replace('%', '')));
    expect(between[0]).toBeLessThan(between[1]!);
    expect(between[1]).toBeLessThan(between[2]!);
    const result = page.getByRole('region', { name: 'k-means result' });
    await expect(result.textContent()).resolves.toContain(
      '1,083 respondents left out: a missing value on an input',
    );
    await expect(result.textContent()).resolves.toContain(
      'computed on a seeded sample of 6,617 respondents — at most 10,000',
    );
    // The highest silhouette is shown first: k = 4 here.
    const centres = page.getByRole('table', { name: 'Cluster centres, k = 4' });
    await centres.waitFor();
    const centreRows = await tableRows(centres);
    expect(centreRows).toHaveLength(4);
    await screenshot(page, '76-clustering');

    const names = ['Fatigued deal seekers', 'Indifferent', 'Easy-going', 'Attached'];
    for (const [index, name] of names.entries())
      await page.getByLabel(`Name of cluster ${index + 1}`).fill(name);
    await page.getByLabel('Segment variable name').last().fill('attitudes');
    await page.getByRole('button', { name: 'Save k = 4 as segment variable' }).click();
    await page.getByRole('status').filter({ hasText: 'Saved attitudes' }).waitFor();

    await segments.showPane('Saved segmentations');
    const saved = segments.segmentsOf('attitudes');
    await saved.waitFor();
    const savedRows = await tableRows(saved);
    expect(savedRows.map((row) => row[0])).toEqual(names);
    // Saved at the sizes the run showed (clusters numbered by size, largest first).
    expect(savedRows.map((row) => row[1])).toEqual(centreRows.map((row) => row[2]));
    const card = page.getByRole('article', { name: 'attitudes' });
    await expect(card.getByText('k-means', { exact: true }).isVisible()).resolves.toBe(true);
    await card.scrollIntoViewIfNeeded();
    await screenshot(page, '77-segments-attitudes');
  });

  it('cancels a long clustering from the view; the status bar shows it while it runs', async () => {
    await segments.showPane('Clustering');
    for (const variable of ['energy_positive', 'energy_negative'])
      await segments.addVariable('Clustering', variable);
    await page.getByLabel('k from').fill('2');
    await page.getByLabel('k to').fill('30');
    await page.getByLabel('Restarts').fill('200');
    await page.getByRole('button', { name: 'Run k-means' }).click();
    await new DemoStudyPage(page).runningJobs
      .getByRole('progressbar', { name: 'k-means on 5 variables progress' })
      .waitFor();
    await screenshot(page, '78-clustering-running');
    await page.getByRole('button', { name: 'Cancel', exact: true }).first().click();
    await page.getByRole('status').filter({ hasText: 'The clustering was cancelled.' }).waitFor();
    // The earlier result stays on screen.
    await expect(segments.diagnostics.isVisible()).resolves.toBe(true);
  });
});

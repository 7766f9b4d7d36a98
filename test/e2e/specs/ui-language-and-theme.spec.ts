/**
 * A consultant reads the workbench in Korean and in the dark (browser mode): the UI language is
 * chosen on the Welcome screen and stays separate from the study's label language; the theme
 * follows the OS until Light or Dark is chosen; both are remembered in the app settings and
 * survive a reload. Screenshots of every view in both languages and themes at 1280×800.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchBrowser,
  screenshot,
  startWebApp,
  watchConsole,
  type WebApp,
} from '../support/webApp';

const BUILD_TIMEOUT = 90_000;
const LIGHT_BG = 'rgb(247, 247, 245)';
const DARK_BG = 'rgb(21, 24, 29)';

async function background(page: Page): Promise<string> {
  return page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
}

async function navigatorTexts(page: Page, name: string): Promise<string[]> {
  return page.getByRole('navigation', { name }).getByRole('button').allTextContents();
}

/** Every view in the navigator, in turn, as a screenshot named after the view's position. */
async function screenshotEveryView(page: Page, navigatorName: string, prefix: string) {
  const buttons = page.getByRole('navigation', { name: navigatorName }).getByRole('button');
  const count = await buttons.count();
  for (let i = 0; i < count; i++) {
    await buttons.nth(i).click();
    await page.waitForTimeout(300); // let the view's first data arrive before the picture
    await screenshot(page, `${prefix}-${i + 1}`);
  }
  await buttons.first().click();
}

describe('a consultant chooses the UI language and the theme (browser mode)', () => {
  let app: WebApp;
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    app = await startWebApp();
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 }, colorScheme: 'light' });
    page.setDefaultTimeout(15_000);
    problems = watchConsole(page);
    await page.goto(app.url);
    await page.getByRole('heading', { name: 'Create a study' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await app?.stop();
    expect(problems).toEqual([]);
  });

  it('switches the Welcome screen to Korean when 한국어 is chosen', async () => {
    await expect(page.getByLabel('UI language').inputValue()).resolves.toBe('en');
    await page.getByLabel('UI language').selectOption({ label: '한국어' });
    await page.getByRole('heading', { name: '스터디 만들기' }).waitFor();
    await expect(page.getByRole('heading', { level: 2 }).allTextContents()).resolves.toEqual([
      '스터디 만들기',
      '스터디 열기',
      '데모 스터디 사용해 보기',
    ]);
    await expect(page.getByRole('button', { name: '데모 스터디 열기' }).isVisible()).resolves.toBe(
      true,
    );
    await expect(page.evaluate(() => document.documentElement.lang)).resolves.toBe('ko');
    await screenshot(page, 'ui-01-welcome-ko-light');
  });

  it('opens the demo study with the navigator in Korean, on the Sources view', async () => {
    await page.getByRole('button', { name: '데모 스터디 열기' }).click();
    const navigator = page.getByRole('navigation', { name: '스터디 화면' });
    await navigator.waitFor();
    const names = await navigatorTexts(page, '스터디 화면');
    expect(names[0]).toBe('소스');
    expect(names).toEqual(expect.arrayContaining(['소스', '가중치', '세그먼트', '교차표']));
    expect(names).not.toContain('Sources');
    await expect(
      navigator.getByRole('button', { name: '소스' }).getAttribute('aria-current'),
    ).resolves.toBe('page');
    await page.getByRole('heading', { name: '소스', level: 2 }).waitFor();
    await expect(page.getByRole('button', { name: '스터디 닫기' }).isVisible()).resolves.toBe(true);
  });

  it('keeps the label language separate: Korean screens, English labels', async () => {
    const sources = page.getByRole('table', { name: '가져온 소스' });
    await sources.locator('tbody tr').nth(13).waitFor({ timeout: BUILD_TIMEOUT });
    await page.getByRole('list', { name: '실행 중인 작업' }).locator('li').first().waitFor({
      state: 'detached',
      timeout: BUILD_TIMEOUT,
    });
    await expect(sources.locator('thead th').allTextContents()).resolves.toContain('국가');
    await expect(page.getByLabel('레이블 언어').inputValue()).resolves.toBe('en');
    await expect(page.getByLabel('화면 언어').inputValue()).resolves.toBe('ko');
    // Countries are labels: in the study's label language (English), not the UI's.
    await expect(sources.locator('tbody').textContent()).resolves.toContain('Germany');
    await expect(sources.locator('tbody').textContent()).resolves.not.toContain('독일');
    // The study facts above the files read in Korean, with the demo's respondents counted.
    const facts = page.getByRole('definition').first();
    await expect(page.getByRole('term').first().textContent()).resolves.toBe('응답자');
    expect(Number((await facts.textContent())!.replace(/\D/g, ''))).toBeGreaterThan(1000);
    await screenshotEveryView(page, '스터디 화면', 'ui-02-views-ko-light');
  });

  it('shows the Segments rule builder and clustering in Korean', async () => {
    await page
      .getByRole('navigation', { name: '스터디 화면' })
      .getByRole('button', { name: '세그먼트' })
      .click();
    await page.getByRole('button', { name: '규칙 빌더' }).click();
    await page.getByText('규칙(순서대로): 처음으로 맞는 규칙이 세그먼트를 정합니다').waitFor();
    await page.getByRole('heading', { name: /실시간 인원수/ }).waitFor();
    await page.getByRole('table', { name: '세그먼트별 실시간 인원수' }).waitFor();
    await screenshot(page, 'ui-02-segments-rules-ko');
    await page.getByRole('button', { name: '군집 분석' }).click();
    await page.getByRole('button', { name: 'k-평균 실행' }).waitFor();
    await screenshot(page, 'ui-02-segments-clusters-ko');
    await page
      .getByRole('navigation', { name: '스터디 화면' })
      .getByRole('button', { name: '소스' })
      .click();
  });

  it('turns the background dark when Dark is chosen, and keeps it after a reload', async () => {
    await expect(background(page)).resolves.toBe(LIGHT_BG);
    await page.getByLabel('테마').selectOption({ label: '다크' });
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await expect(page.evaluate(() => document.documentElement.dataset.theme)).resolves.toBe('dark');
    await screenshotEveryView(page, '스터디 화면', 'ui-03-views-ko-dark');

    await page.reload();
    await page.getByRole('navigation', { name: '스터디 화면' }).waitFor();
    await expect(background(page)).resolves.toBe(DARK_BG);
    await expect(page.getByLabel('테마').inputValue()).resolves.toBe('dark');
    await expect(page.getByLabel('화면 언어').inputValue()).resolves.toBe('ko');
  });

  it('remembers both choices in the app settings file, not only in the browser', async () => {
    const file = path.join(app.home, 'settings.json');
    expect(existsSync(file)).toBe(true);
    const settings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    expect(settings).toMatchObject({ uiLanguage: 'ko', theme: 'dark' });
  });

  it('follows the OS when System is chosen', async () => {
    await page.getByLabel('테마').selectOption({ label: '시스템 설정' });
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
    await page.emulateMedia({ colorScheme: 'dark' });
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await page.emulateMedia({ colorScheme: 'light' });
    await expect.poll(() => background(page)).toBe(LIGHT_BG);
  });

  it('reads in English again when English is chosen, in both themes', async () => {
    await page.getByLabel('화면 언어').selectOption({ label: 'English' });
    const names = await navigatorTexts(page, 'Study views');
    expect(names[0]).toBe('Sources');
    expect(names).toEqual(expect.arrayContaining(['Sources', 'Weights', 'Segments', 'Tables']));
    await screenshotEveryView(page, 'Study views', 'ui-04-views-en-light');
    await page.getByLabel('Theme').selectOption({ label: 'Dark' });
    await expect.poll(() => background(page)).toBe(DARK_BG);
    await screenshotEveryView(page, 'Study views', 'ui-05-views-en-dark');
    await page.getByRole('button', { name: 'Close study' }).click();
    await page.getByRole('heading', { name: 'Create a study' }).waitFor();
    await screenshot(page, 'ui-06-welcome-en-dark');
  });
});

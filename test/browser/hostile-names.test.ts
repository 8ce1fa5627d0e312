import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDashboard } from '../../src/server/create-server.js';
import { chromiumAvailable, launchChromium, type LaunchedBrowser } from './chromium.js';
import { openImportedStore, startDashboard, type ImportedStore } from './dashboard-fixture.js';
import {
  clickGraphNode,
  focusSearch,
  pageHeading,
  saveScreenshot,
  searchAndOpen,
  waitForGraph,
  watchPage,
  type PageWatch,
} from './dashboard-page.js';
import { hostile, hostileIds, writeHostileEvidence } from './hostile-evidence.js';
import { buildWebInto } from './web-build.js';

/** Nothing the evidence said ran, opened a dialog, or slipped into the document as markup. */
async function expectNothingRan(page: Page, watch: PageWatch): Promise<void> {
  expect(await page.evaluate('typeof window.__pwned')).toBe('undefined');
  expect(watch.dialogs).toEqual([]);
  expect(watch.errors).toEqual([]);
  const injected = page.locator(
    'img[src="x"], svg[onload], main script, main style, [onerror], [onload]',
  );
  expect(await injected.count()).toBe(0);
}

/** The page still reads: the header and search in view, nothing wider than the window. */
async function expectPageReads(page: Page): Promise<void> {
  const search = await page.getByRole('combobox', { name: 'Search resources' }).boundingBox();
  const viewport = page.viewportSize()!;
  expect(search).not.toBeNull();
  expect(search!.y).toBeGreaterThanOrEqual(0);
  expect(search!.y + search!.height).toBeLessThan(viewport.height);
  const widths = (await page.evaluate(
    '({ page: document.documentElement.scrollWidth, window: window.innerWidth })',
  )) as { page: number; window: number };
  expect(widths.page).toBeLessThanOrEqual(widths.window);
  expect(await page.locator('.resource-name').isVisible()).toBe(true);
}

/** Runs in the page (the tests' TypeScript has no DOM): what the SVG parses into. */
const parseSvgInPage = `(text) => {
  const parsed = new DOMParser().parseFromString(text, 'image/svg+xml');
  const elements = [...parsed.querySelectorAll('*')];
  return {
    broken: parsed.querySelector('parsererror') !== null,
    names: [...new Set(elements.map((element) => element.localName))].sort(),
    handlers: elements.flatMap((element) =>
      [...element.attributes].map((a) => a.name).filter((name) => name.startsWith('on'))),
    text: parsed.documentElement.textContent || '',
  };
}`;

describe.skipIf(!chromiumAvailable)('hostile names, tags and policies', () => {
  let work: string;
  let imported: ImportedStore;
  let dashboard: RunningDashboard;
  let browser: LaunchedBrowser;
  let page: Page;
  let watch: PageWatch;
  const policyMessages: string[] = [];

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lateral-hostile-'));
    const evidence = join(work, 'evidence');
    await writeHostileEvidence(evidence);
    imported = await openImportedStore([evidence]);
    dashboard = await startDashboard(imported.store, await buildWebInto(work));
    browser = await launchChromium();
    page = await browser.context.newPage();
    watch = watchPage(page);
    page.on('console', (message: ConsoleMessage) => {
      if (/Content.Security.Policy/i.test(message.text())) policyMessages.push(message.text());
    });
    await page.goto(dashboard.url);
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await imported?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('lists the hostile instance in search as text', async () => {
    await focusSearch(page);
    await page.keyboard.type(hostileIds.instance);
    const option = page.locator('#search-dropdown .result-item').first();
    await option.waitFor();
    expect(await option.locator('.result-name').textContent()).toBe(hostile.imgTag);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.locator('.resource-page').waitFor();
    await waitForGraph(page);
    await expectNothingRan(page, watch);
  });

  it("shows the instance's markup names and tags as text and the page still reads", async () => {
    expect(await pageHeading(page)).toBe(hostile.imgTag);
    const tags = page.locator('section[aria-label="Tags"]');
    expect(await tags.textContent()).toContain(hostile.scriptTag);
    expect(await tags.textContent()).toContain(hostile.svgBreakout);
    expect(await tags.textContent()).toContain('\u27E8U+202E\u27E9');
    await tags.locator('details summary', { hasText: 'long text' }).first().click();
    expect(await tags.locator('pre').first().textContent()).toContain('-long-tail');
    await expectPageReads(page);
    await expectNothingRan(page, watch);
    await saveScreenshot(page, 'hostile-01-instance');
  });

  it("shows a node's hostile properties on hover as text", async () => {
    const item = page.locator('.graph-node-list li').first();
    const box = (await page.locator('.graph-canvas').boundingBox())!;
    await page.mouse.move(
      box.x + Number(await item.getAttribute('data-x')),
      box.y + Number(await item.getAttribute('data-y')),
    );
    await page.locator('.node-tooltip').waitFor();
    expect(await page.locator('.node-tooltip').textContent()).toMatch(/<|type/);
    await expectNothingRan(page, watch);
    await saveScreenshot(page, 'hostile-02-hover');
  });

  it('exports an SVG whose labels are text, not markup', async () => {
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'SVG', exact: true }).click();
    const file = await (await download).path();
    const svg = await readFile(file, 'utf8');
    const parsed = (await page.evaluate(`(${parseSvgInPage})(${JSON.stringify(svg)})`)) as {
      broken: boolean;
      names: string[];
      handlers: string[];
      text: string;
    };
    expect(parsed.broken).toBe(false);
    expect(parsed.handlers).toEqual([]);
    expect(parsed.names).not.toContain('script');
    expect(parsed.names).not.toContain('img');
    expect(parsed.names).not.toContain('foreignObject');
    expect(parsed.text).toContain('<img src=x');
  });

  it("shows the security group's hostile rule description as text", async () => {
    await clickGraphNode(page, hostile.styleTag);
    await page.waitForURL(/security-group/);
    await waitForGraph(page);
    expect(await pageHeading(page)).toBe(hostile.styleTag);
    const rules = page.locator('section[aria-label="Rules"]');
    expect(await rules.textContent()).toContain(hostile.imgTag);
    expect(await rules.textContent()).toContain('0.0.0.0/0');
    await expectPageReads(page);
    await expectNothingRan(page, watch);
    await saveScreenshot(page, 'hostile-03-security-group');
  });

  it('shows the right-to-left VPC name with its override made visible', async () => {
    const shown = 'invoice\u27E8U+202E\u27E9txt.exe\u27E8U+202C\u27E9 VPC';
    await searchAndOpen(page, hostileIds.vpc, shown, 'VPC');
    await waitForGraph(page);
    expect(await pageHeading(page)).toBe(shown);
    await expectPageReads(page);
    await expectNothingRan(page, watch);
    await saveScreenshot(page, 'hostile-04-rtl-vpc');
  });

  it("shows the role's hostile policy text as text", async () => {
    await page.goto(
      new URL(`/search?q=${encodeURIComponent(hostileIds.role)}`, dashboard.url).href,
    );
    await page.locator('main .result-item a').first().click();
    await page.locator('.resource-page').waitFor();
    await page.locator('.all-columns > summary').click();
    const columns = page.locator('.all-columns');
    await columns.locator('details summary').first().waitFor();
    for (const summary of await columns.locator('details summary').all()) await summary.click();
    expect(await columns.textContent()).toContain(hostile.imgTag);
    await expectNothingRan(page, watch);
    await saveScreenshot(page, 'hostile-05-role-policy');
  });

  it('raised no Content-Security-Policy violation', () => {
    expect(policyMessages).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  });
});

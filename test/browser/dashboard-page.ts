import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ConsoleMessage, Page } from 'playwright-core';

/** Where the browser tests save screenshots (gitignored). */
export const screenshotFolder = fileURLToPath(
  new URL('../../test-results/screenshots/', import.meta.url),
);

/** What the page did that a test must check: errors, console messages, dialogs. */
export interface PageWatch {
  errors: string[];
  consoleErrors: string[];
  dialogs: string[];
}

/** Records uncaught errors, console errors and dialogs (dismissed) of the page. */
export function watchPage(page: Page): PageWatch {
  const watch: PageWatch = { errors: [], consoleErrors: [], dialogs: [] };
  page.on('pageerror', (error) => watch.errors.push(error.message));
  page.on('console', (message: ConsoleMessage) => {
    if (message.type() === 'error') watch.consoleErrors.push(message.text());
  });
  page.on('dialog', (dialog) => {
    watch.dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return watch;
}

export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(screenshotFolder, { recursive: true });
  const path = join(screenshotFolder, `${name}.png`);
  await page.screenshot({ path, fullPage: false });
  return path;
}

/** Waits until the resource page's graph is laid out and painted. */
export async function waitForGraph(page: Page): Promise<void> {
  await page.locator('.graph-canvas[data-graph-state="drawn"]').waitFor({ timeout: 30_000 });
  await page.locator('.graph-node-list li[data-x]').first().waitFor({ state: 'attached' });
}

/** The first lines (names) of the nodes in the drawn graph. */
export async function graphNodeNames(page: Page): Promise<string[]> {
  return page.locator('.graph-node-list li button').allTextContents();
}

/**
 * Clicks a node on the graph's canvas, where it was drawn, as a user would. `name` is the
 * node's first line (its name, or "N × type" for a fold).
 */
export async function clickGraphNode(page: Page, name: string): Promise<void> {
  const item = page.locator('.graph-node-list li').filter({
    has: page.locator('button', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
  });
  const count = await item.count();
  if (count === 0) {
    const names = (await graphNodeNames(page)).join(' | ');
    throw new Error(`The graph has no node named "${name}"; it shows: ${names}`);
  }
  const canvas = page.locator('.graph-canvas');
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (box === null) throw new Error('The graph canvas is not visible.');
  const margin = 12;
  // A large graph opens centred on its root at a readable zoom; a user looking for a node off
  // the canvas shows the whole graph first.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const x = Number(await item.first().getAttribute('data-x'));
    const y = Number(await item.first().getAttribute('data-y'));
    const inside = x > margin && y > margin && x < box.width - margin && y < box.height - margin;
    if (inside) {
      await page.mouse.click(box.x + x, box.y + y);
      return;
    }
    await page.getByRole('button', { name: 'Show the whole graph' }).click();
    await page.waitForTimeout(200);
  }
  await saveScreenshot(page, 'failed-node-off-canvas');
  throw new Error(`The node "${name}" stays off the canvas.`);
}

/** Focuses the header's search box with its '/' shortcut, once the page is ready for it. */
export async function focusSearch(page: Page) {
  const input = page.getByRole('combobox', { name: 'Search resources' });
  await input.waitFor();
  await page.keyboard.press('Escape');
  await page
    .locator('main')
    .first()
    .click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('/');
  await page.locator('.search-input:focus').waitFor({ timeout: 5_000 });
  return input;
}

/**
 * Searches with the header's search box like a user: '/', type, then picks the first result
 * whose name is `name` (within the type group labelled `typeLabel`, when given).
 */
export async function searchAndOpen(
  page: Page,
  query: string,
  name: string,
  typeLabel?: string,
): Promise<void> {
  const input = await focusSearch(page);
  await input.fill(query);
  const scope =
    typeLabel === undefined
      ? page.locator('#search-dropdown')
      : page.locator('#search-dropdown section', {
          has: page.locator('.type-label', { hasText: new RegExp(`^${typeLabel}$`) }),
        });
  const option = scope.locator('.result-item', {
    has: page.locator('.result-name', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
  });
  await option.first().waitFor({ timeout: 15_000 });
  await option.first().locator('a').click();
  await page.locator('.resource-page').waitFor();
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The heading of the resource page shown. */
export async function pageHeading(page: Page): Promise<string> {
  return (await page.locator('.resource-name').textContent()) ?? '';
}

/**
 * Makes sure the graph shows a node named `name`, expanding folded groups (by clicking them on
 * the canvas) until it does, as a user looking for it would.
 */
export async function revealGraphNode(page: Page, name: string): Promise<void> {
  for (let attempt = 0; attempt < 10; attempt += 1) {
    const names = await graphNodeNames(page);
    if (names.includes(name)) return;
    const fold = names.find((candidate) => /^\d+ × /.test(candidate));
    if (fold === undefined) return;
    await clickGraphNode(page, fold);
    await page
      .locator('.graph-node-list button', { hasText: new RegExp(`^${escapeRegExp(fold)}$`) })
      .waitFor({ state: 'detached' });
    await waitForGraph(page);
  }
}

/** Chooses the neighbourhood depth with the graph's toolbar. */
export async function chooseDepth(page: Page, depth: number): Promise<void> {
  await page.getByRole('combobox', { name: 'Graph depth' }).selectOption(String(depth));
  await page.waitForURL((url) => url.searchParams.get('depth') === String(depth) || depth === 1);
  await waitForGraph(page);
}

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningDashboard } from '../../src/server/create-server.js';
import { chromiumAvailable, launchChromium, type LaunchedBrowser } from './chromium.js';
import {
  allResourceKeys,
  openImportedStore,
  startDashboard,
  type ImportedStore,
} from './dashboard-fixture.js';
import { saveScreenshot, waitForGraph, watchPage } from './dashboard-page.js';
import { buildWebInto } from './web-build.js';

const demoEvidence = fileURLToPath(
  new URL('../../../shared/data/cloudmapper/account-data/demo', import.meta.url),
);
const haveEvidence = existsSync(demoEvidence);
if (!haveEvidence)
  process.stderr.write(`CloudMapper page test skipped: ${demoEvidence} is absent.\n`);

describe.skipIf(!chromiumAvailable || !haveEvidence)('every page of the CloudMapper demo', () => {
  let work: string;
  let imported: ImportedStore;
  let dashboard: RunningDashboard;
  let browser: LaunchedBrowser;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lateral-cloudmapper-pages-'));
    imported = await openImportedStore([demoEvidence]);
    dashboard = await startDashboard(imported.store, await buildWebInto(work));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await imported?.close();
    await rm(work, { recursive: true, force: true });
  });

  it('opens each resource page with its heading and graph, without an error', async () => {
    const resources = await allResourceKeys(imported.store);
    expect(resources.length).toBeGreaterThan(20);
    const page = await browser.context.newPage();
    const watch = watchPage(page);
    const failures: string[] = [];
    const shotTypes = new Set<string>();
    for (const { key, type } of resources) {
      await page.goto(new URL(`/r/${encodeURIComponent(key)}`, dashboard.url).href);
      const heading = page.locator('.resource-name');
      try {
        await heading.waitFor({ timeout: 15_000 });
        await waitForGraph(page);
      } catch {
        const shown = await page
          .locator('body')
          .innerText({ timeout: 2_000 })
          .catch(() => '');
        failures.push(`${type} ${key}: ${shown.slice(0, 200)}`);
        continue;
      }
      if ((await heading.textContent())?.trim() === '') failures.push(`${key}: empty heading`);
      if (!shotTypes.has(type)) {
        shotTypes.add(type);
        await saveScreenshot(page, `cloudmapper-${type}`);
      }
    }
    expect(failures).toEqual([]);
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
  }, 600_000);
});

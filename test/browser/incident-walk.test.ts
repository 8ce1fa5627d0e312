import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeDemoEvidence } from '../../src/demo/write-demo-evidence.js';
import type { RunningDashboard } from '../../src/server/create-server.js';
import { chromiumAvailable, launchChromium, type LaunchedBrowser } from './chromium.js';
import { openImportedStore, startDashboard, type ImportedStore } from './dashboard-fixture.js';
import {
  chooseDepth,
  clickGraphNode,
  graphNodeNames,
  pageHeading,
  revealGraphNode,
  saveScreenshot,
  searchAndOpen,
  waitForGraph,
  watchPage,
  type PageWatch,
} from './dashboard-page.js';
import { buildWebInto } from './web-build.js';

const securityAccount = '410987654321';

describe.skipIf(!chromiumAvailable)('the incident, walked in the dashboard', () => {
  let work: string;
  let imported: ImportedStore;
  let dashboard: RunningDashboard;
  let browser: LaunchedBrowser;
  let page: Page;
  let watch: PageWatch;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'lateral-incident-'));
    const evidence = join(work, 'evidence');
    await writeDemoEvidence(evidence);
    imported = await openImportedStore([evidence]);
    dashboard = await startDashboard(imported.store, await buildWebInto(work));
    browser = await launchChromium();
    page = await browser.context.newPage();
    watch = watchPage(page);
    await page.goto(dashboard.url);
  });

  afterAll(async () => {
    await browser?.close();
    await dashboard?.close();
    await imported?.close();
    await rm(work, { recursive: true, force: true });
  });

  it("shows the role and the subnet in the compromised host's graph", async () => {
    await searchAndOpen(page, 'render-node-07', 'render-node-07', 'EC2 instance');
    expect(await pageHeading(page)).toBe('render-node-07');
    await chooseDepth(page, 2);
    const names = await graphNodeNames(page);
    expect(names).toContain('RenderRole-dev');
    expect(names).toContain('VPC-Public2-Subnet');
    expect(await page.locator('.resource-place .account').first().textContent()).toContain(
      '310987654321',
    );
    await saveScreenshot(page, 'incident-01-compromised-host');
  });

  it('opens the role: its policies, the second instance and the Lambda', async () => {
    await clickGraphNode(page, 'RenderRole-dev');
    await page.waitForURL(/\/r\/.*role/);
    await waitForGraph(page);
    expect(await pageHeading(page)).toBe('RenderRole-dev');
    const policies = page.locator('.related-group tr', {
      has: page.locator('.type-label', { hasText: 'IAM policy' }),
    });
    expect(await policies.count()).toBeGreaterThan(0);
    await revealGraphNode(page, 'render-node-08');
    await revealGraphNode(page, 'render-thumbnailer');
    const names = await graphNodeNames(page);
    expect(names).toContain('render-node-08');
    expect(names).toContain('render-thumbnailer');
    await saveScreenshot(page, 'incident-02-role');
  });

  it('goes back to the host', async () => {
    await page.goBack();
    await page.locator('.resource-page').waitFor();
    await waitForGraph(page);
    expect(await pageHeading(page)).toBe('render-node-07');
    await saveScreenshot(page, 'incident-03-back-to-host');
  });

  it('opens the Dev VPC: database, mail relay, payments server, both peerings', async () => {
    await revealGraphNode(page, 'Dev VPC');
    await clickGraphNode(page, 'Dev VPC');
    await page.waitForURL(/vpc%2Fvpc-/);
    await waitForGraph(page);
    expect(await pageHeading(page)).toBe('Dev VPC');
    for (const name of ['dev-orders-db', 'mail-relay', 'payments-api']) {
      await revealGraphNode(page, name);
    }
    const names = await graphNodeNames(page);
    expect(names).toEqual(expect.arrayContaining(['dev-orders-db', 'mail-relay', 'payments-api']));
    const peerings = page.locator('.related-group tr', {
      has: page.locator('.type-label', { hasText: 'VPC peering connection' }),
    });
    expect(await peerings.count()).toBe(2);
    await saveScreenshot(page, 'incident-04-dev-vpc');
  });

  it('opens the Security VPC in the Security account: SIFT, Steampipe and Splunk', async () => {
    await revealGraphNode(page, 'Security VPC');
    await clickGraphNode(page, 'Security VPC');
    await page.locator('.resource-name', { hasText: /^Security VPC$/ }).waitFor();
    await waitForGraph(page);
    expect(await page.locator('.resource-place .account').first().textContent()).toContain(
      securityAccount,
    );
    for (const name of ['SIFT-forensics', 'Steampipe', 'Splunk']) {
      await revealGraphNode(page, name);
    }
    expect(await graphNodeNames(page)).toEqual(
      expect.arrayContaining(['SIFT-forensics', 'Steampipe', 'Splunk']),
    );
    await saveScreenshot(page, 'incident-05-security-vpc');
  });

  it('ran without a page error', () => {
    expect(watch.errors).toEqual([]);
    expect(watch.consoleErrors).toEqual([]);
    expect(watch.dialogs).toEqual([]);
  });
});

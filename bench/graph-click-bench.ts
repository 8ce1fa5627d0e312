/**
 * `tsx bench/graph-click-bench.ts [--clicks 20] [--target 150]`: the time from a click on a
 * graph node to the next resource's graph drawn, in headless Chromium, over the demo
 * organization. Picks two neighbouring resources whose neighbourhoods are closest to the target
 * node count and clicks back and forth between them, reading the dashboard's Performance marks
 * (click in cytoscape's tap handler, drawn after 'layoutstop' and a painted frame).
 */
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type Page } from 'playwright-core';
import { build } from 'vite';
import { writeDemoEvidence } from '../src/demo/write-demo-evidence.js';
import { createGraphReader } from '../src/graph/graph-reader.js';
import type { GraphReader } from '../src/graph/graph-model.js';
import { importEvidence } from '../src/import/import-evidence.js';
import { createServer } from '../src/server/create-server.js';
import { openStore } from '../src/store/open-store.js';

const chromiumPath = '/usr/bin/chromium';
const { values } = parseArgs({
  options: {
    clicks: { type: 'string', default: '20' },
    target: { type: 'string', default: '150' },
  },
});
const clicks = Number(values.clicks);
const target = Number(values.target);

interface Candidate {
  key: string;
  name: string;
  depth: number;
  nodes: number;
  neighbours: { key: string; name: string }[];
}

async function pickPair(reader: GraphReader, keys: string[]): Promise<[Candidate, Candidate]> {
  const candidates: Candidate[] = [];
  for (const key of keys) {
    for (const depth of [1, 2, 3]) {
      const graph = await reader.neighbourhood(key, depth);
      if (graph === undefined) continue;
      const root = graph.nodes.find((node) => node.key === key);
      const neighbours = graph.edges
        .filter((edge) => edge.from === key || edge.to === key)
        .map((edge) => (edge.from === key ? edge.to : edge.from))
        .map((other) => graph.nodes.find((node) => node.key === other))
        .filter((node) => node !== undefined)
        .map((node) => ({ key: node.key, name: node.name }));
      candidates.push({
        key,
        name: root?.name ?? key,
        depth,
        nodes: graph.nodes.length,
        neighbours,
      });
    }
  }
  const byDistance = [...candidates].sort(
    (a, b) => Math.abs(a.nodes - target) - Math.abs(b.nodes - target),
  );
  for (const first of byDistance) {
    const partner = byDistance.find(
      (other) =>
        other.depth === first.depth &&
        other.key !== first.key &&
        first.neighbours.some((neighbour) => neighbour.key === other.key) &&
        other.neighbours.some((neighbour) => neighbour.key === first.key),
    );
    if (partner !== undefined) return [first, partner];
  }
  throw new Error('No two neighbouring resources found to click between.');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Clicks the node on the canvas; shows the whole graph first when it is off the canvas. */
async function clickNode(page: Page, name: string): Promise<void> {
  const item = page.locator('.graph-node-list li').filter({
    has: page.locator('button', { hasText: new RegExp(`^${escapeRegExp(name)}$`) }),
  });
  const box = await page.locator('.graph-canvas').boundingBox();
  if (box === null) throw new Error('The graph canvas is not visible.');
  for (let attempt = 0; attempt < 2; attempt += 1) {
    const x = Number(await item.first().getAttribute('data-x'));
    const y = Number(await item.first().getAttribute('data-y'));
    if (x > 12 && y > 12 && x < box.width - 12 && y < box.height - 12) {
      await page.mouse.click(box.x + x, box.y + y);
      return;
    }
    await page.getByRole('button', { name: 'Show the whole graph' }).click();
    await page.waitForTimeout(200);
  }
  throw new Error(`The node "${name}" is off the canvas.`);
}

interface ClickTiming {
  total: number;
  /** Fetching the detail and the graph, and React's render, up to the layout's start. */
  toLayout: number;
  layout: number;
  /** From the layout's end to a painted frame. */
  paint: number;
}

const clickTiming = `(() => {
  const last = (name) => performance.getEntriesByName(name).at(-1)?.startTime;
  const click = last('lateral:graph-click');
  const start = last('lateral:graph-layout-start');
  const stop = last('lateral:graph-layout-stop');
  const drawn = last('lateral:graph-drawn');
  if ([click, start, stop, drawn].some((t) => t === undefined) || drawn <= click) return null;
  return {
    total: drawn - click, toLayout: start - click, layout: stop - start, paint: drawn - stop,
  };
})()`;

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] ?? NaN;
}

async function main(): Promise<void> {
  if (!existsSync(chromiumPath))
    throw new Error(`${chromiumPath} is absent: apt-get install chromium`);
  const work = await mkdtemp(join(tmpdir(), 'lateral-click-bench-'));
  const store = await openStore({ dataDir: join(work, 'store') });
  try {
    await writeDemoEvidence(join(work, 'evidence'));
    await importEvidence(store, [join(work, 'evidence')]);
    const reader = createGraphReader(store);
    const keys = await store.query<{ key: string }>(
      `select key from lateral_resource
        where collected and type in ('aws_vpc', 'aws_vpc_subnet', 'aws_ec2_instance',
                                      'aws_iam_role', 'aws_vpc_security_group')`,
    );
    const [first, second] = await pickPair(
      reader,
      keys.rows.map((row) => row.key),
    );
    const webRoot = join(work, 'web');
    await build({
      configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)),
      logLevel: 'error',
      build: { outDir: webRoot, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
    });
    const dashboard = await createServer({
      store,
      reader,
      host: '127.0.0.1',
      port: 0,
      webRoot,
    }).listen();
    const browser = await chromium.launch({
      executablePath: chromiumPath,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run'],
    });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
      const path = `/r/${encodeURIComponent(first.key)}?depth=${first.depth}`;
      await page.goto(new URL(path, dashboard.url).href);
      await page.locator('.graph-canvas[data-graph-state="drawn"]').waitFor();
      console.log(
        `graph click bench: "${first.name}" (${first.nodes} nodes) <-> "${second.name}" ` +
          `(${second.nodes} nodes), depth ${first.depth}, ${clicks} clicks`,
      );
      const timings: ClickTiming[] = [];
      let from = first;
      let to = second;
      for (let click = 0; click < clicks; click += 1) {
        await page.locator('.graph-node-list li[data-x]').first().waitFor({ state: 'attached' });
        await clickNode(page, to.name);
        await page.waitForURL((url) => decodeURIComponent(url.pathname).endsWith(to.key));
        await page.locator('.graph-canvas[data-graph-state="drawn"]').waitFor();
        const timing = (await page.evaluate(clickTiming)) as ClickTiming | null;
        if (timing === null) throw new Error('The dashboard did not record the click and draw.');
        timings.push(timing);
        [from, to] = [to, from];
      }
      const median = (part: keyof ClickTiming) =>
        percentile(
          timings.map((timing) => timing[part]).sort((a, b) => a - b),
          0.5,
        ).toFixed(0);
      const sorted = timings.map((timing) => timing.total).sort((a, b) => a - b);
      console.log(
        `click to drawn graph: p50 ${percentile(sorted, 0.5).toFixed(0)} ms, ` +
          `p95 ${percentile(sorted, 0.95).toFixed(0)} ms, ` +
          `min ${sorted[0]?.toFixed(0)} ms, max ${sorted.at(-1)?.toFixed(0)} ms ` +
          '(goal: under 1000 ms)',
      );
      console.log(
        `  medians: fetch + render ${median('toLayout')} ms, ` +
          `dagre layout ${median('layout')} ms, ` +
          `paint ${median('paint')} ms`,
      );
    } finally {
      await browser.close();
      await dashboard.close();
    }
  } finally {
    await store.close();
    await rm(work, { recursive: true, force: true });
  }
}

await main();

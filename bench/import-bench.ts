/**
 * `npm run bench:import [-- --scale 0.1] [--seed 1] [--folder <dir>] [--regenerate]`
 *
 * Generates (or reuses) the synthetic organization, imports it into a fresh PGlite store and, when
 * LATERAL_BENCH_DATABASE_URL (or LATERAL_TEST_DATABASE_URL) is set, into a fresh database on that
 * PostgreSQL server; prints rows per table, wall time, rows per second, peak RSS and store size.
 * Each import runs in its own child process, so its peak RSS is the import's alone.
 */
import { fork } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import {
  pgliteStoreBytes,
  runImport,
  type ImportRunResult,
} from './synthetic-org/measure-import.js';
import { scaledSyntheticOrg, syntheticProportions } from './synthetic-org/synthetic-options.js';
import { writeSyntheticOrg } from './synthetic-org/write-synthetic-org.js';

const goal = { seconds: 30, rssBytes: 1.5 * 1024 ** 3 };
const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;

async function childMain(target: string, folder: string, location: string): Promise<void> {
  const result = await runImport(
    folder,
    target === 'pglite' ? { dataDir: location } : { databaseUrl: location },
  );
  process.send?.(result);
}

function runInChild(
  target: 'pglite' | 'postgres',
  folder: string,
  location: string,
): Promise<ImportRunResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), ['--child', target, folder, location], {
      execArgv: process.execArgv,
    });
    let result: ImportRunResult | undefined;
    child.on('message', (message) => {
      result = message as ImportRunResult;
    });
    child.on('error', reject);
    child.on('exit', (code) => {
      if (result !== undefined) resolve(result);
      else reject(new Error(`the ${target} import exited with code ${code} without a result`));
    });
  });
}

/** A fresh database on the server, so that its size is the import's; dropped afterwards. */
async function freshDatabase(
  serverUrl: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `lateral_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`create database ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`drop database if exists ${name} with (force)`);
      } finally {
        await client.end();
      }
    },
  };
}

function printResults(results: ImportRunResult[]): void {
  const tables = [...new Set(results.flatMap((result) => Object.keys(result.rowCounts)))].sort();
  const header = ['', ...results.map((result) => result.target)];
  const rows: string[][] = tables.map((table) => [
    table,
    ...results.map((result) => String(result.rowCounts[table] ?? 0)),
  ]);
  const figure = (label: string, value: (result: ImportRunResult) => string) =>
    rows.push([label, ...results.map(value)]);
  rows.push(['', ...results.map(() => '')]);
  figure('total rows', (result) => String(result.totalRows));
  figure('import wall time', (result) => `${(result.wallMs / 1000).toFixed(1)} s`);
  figure('rows per second', (result) =>
    String(Math.round(result.totalRows / (result.wallMs / 1000))),
  );
  figure('peak RSS (process, worker incl.)', (result) => mib(result.peakRssBytes));
  figure('peak RSS (sampled every 50 ms)', (result) => mib(result.sampledPeakRssBytes));
  figure('store size on disk', (result) =>
    result.storeBytes === null ? '?' : mib(result.storeBytes),
  );
  figure('open + migrate (not in wall time)', (result) => `${(result.openMs / 1000).toFixed(1)} s`);
  figure('skipped files / gaps', (result) => `${result.skipped} / ${result.gaps}`);
  figure(`goal: < ${goal.seconds} s, < ${mib(goal.rssBytes)}`, (result) =>
    result.wallMs / 1000 < goal.seconds && result.peakRssBytes < goal.rssBytes ? 'met' : 'NOT met',
  );
  const widths = header.map((_, column) =>
    Math.max(...[header, ...rows].map((row) => (row[column] ?? '').length)),
  );
  for (const row of [header, ...rows]) {
    console.log(
      row
        .map((cell, column) =>
          column === 0 ? cell.padEnd(widths[0] ?? 0) : cell.padStart(widths[column] ?? 0),
        )
        .join('  '),
    );
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      folder: { type: 'string' },
      regenerate: { type: 'boolean', default: false },
    },
  });
  const scale = Number(values.scale);
  const seed = Number(values.seed);
  if (!(scale > 0) || !Number.isInteger(seed)) {
    console.error('bench:import: --scale must be a positive number and --seed an integer');
    process.exit(2);
  }
  const options = scaledSyntheticOrg(scale, seed);
  const folder =
    values.folder ?? join(tmpdir(), 'lateral-bench', `synthetic-seed${seed}-scale${scale}`);
  if (values.regenerate) await rm(`${folder}.synthetic-org.json`, { force: true });

  console.log(`Synthetic organization: ${JSON.stringify(options)}`);
  console.log(`Proportions: ${JSON.stringify(syntheticProportions)}`);
  const generatedAt = performance.now();
  const summary = await writeSyntheticOrg(folder, options, (index) => {
    if ((index + 1) % 20 === 0) process.stderr.write(`  generated ${index + 1} accounts\r`);
  });
  const took = ` in ${((performance.now() - generatedAt) / 1000).toFixed(1)} s`;
  console.log(
    `${summary.reused ? 'Reused' : 'Generated'} ${folder}: ` +
      `${summary.files} files, ${mib(summary.bytes)}${summary.reused ? '' : took}`,
  );
  console.log(`Evidence items: ${JSON.stringify(summary.items)}\n`);

  const results: ImportRunResult[] = [];
  const dataDir = await mkdtemp(join(tmpdir(), 'lateral-bench-pglite-'));
  try {
    const result = await runInChild('pglite', folder, dataDir);
    results.push({ ...result, storeBytes: await pgliteStoreBytes(dataDir) });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
  const serverUrl =
    process.env['LATERAL_BENCH_DATABASE_URL'] || process.env['LATERAL_TEST_DATABASE_URL'];
  if (serverUrl) {
    const database = await freshDatabase(serverUrl);
    try {
      results.push(await runInChild('postgres', folder, database.url));
    } finally {
      await database.drop();
    }
  } else {
    console.log('(set LATERAL_BENCH_DATABASE_URL to compare with a PostgreSQL server)\n');
  }
  printResults(results);
}

const [mode, target, folder, location] = process.argv.slice(2);
if (mode === '--child' && target !== undefined && folder !== undefined && location !== undefined) {
  await childMain(target, folder, location);
} else {
  await main();
}

/**
 * COPY of 100,000 synthetic aws_ec2_instance rows through SnapshotWriter.writeScope: PGlite (temp
 * data folder), and PostgreSQL when LATERAL_TEST_DATABASE_URL names a server (a scratch database
 * is created and dropped). Prints wall time, rows per second and the process's peak RSS.
 *
 *   npx tsx bench/store-copy-bench.ts [rows]
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { ColumnDefinition, Row } from '../src/schema/column.js';
import { storedColumns } from '../src/schema/common-columns.js';
import { tableRegistry } from '../src/schema/table-registry.js';
import { awsEc2InstanceTable } from '../src/schema/tables/aws-ec2-instance.js';
import { openStore } from '../src/store/open-store.js';
import { beginSnapshot } from '../src/store/snapshot-writer.js';
import type { OpenStoreOptions } from '../src/store/store.js';

const rowCount = Number(process.argv[2] ?? 100_000);
const table = awsEc2InstanceTable;

function syntheticValue(column: ColumnDefinition, index: number): unknown {
  switch (column.type) {
    case 'text':
      return `${column.name}-${index}-${'x'.repeat(index % 40)}`;
    case 'bigint':
      return index;
    case 'double precision':
      return index / 7;
    case 'boolean':
      return index % 2 === 0;
    case 'timestamptz':
      return new Date(1_700_000_000_000 + index * 1000).toISOString();
    case 'inet':
      return `10.${(index >> 16) & 255}.${(index >> 8) & 255}.${index & 255}`;
    case 'cidr':
      return '10.0.0.0/16';
    case 'jsonb':
      return { Key: `k${index}`, Values: [index, `v${index}`], Nested: { Flag: index % 3 === 0 } };
  }
}

const batchSize = 10_000;

// Rows are made a batch at a time, as an import makes them a scope at a time.
function syntheticRows(first: number, count: number): Row[] {
  const columns = storedColumns(table).filter((column) => !column.name.includes('ctx'));
  return Array.from({ length: count }, (_, offset) => first + offset).map((index) => ({
    ...Object.fromEntries(columns.map((column) => [column.name, syntheticValue(column, index)])),
    instance_id: `i-${index.toString(16).padStart(17, '0')}`,
  }));
}

let peakRss = 0;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 50);

async function measure(name: string, options: OpenStoreOptions): Promise<void> {
  const store = await openStore(options, tableRegistry);
  peakRss = process.memoryUsage().rss;
  const before = peakRss;
  const started = performance.now();
  const writer = await beginSnapshot(store, {
    evidenceDigest: `bench-${Date.now()}`,
    sources: [],
    skipped: [],
    gaps: [],
  });
  for (let first = 0; first < rowCount; first += batchSize) {
    const rows = syntheticRows(first, Math.min(batchSize, rowCount - first));
    const batchStarted = performance.now();
    await writer.writeScope(table, '123456789012', 'us-east-1', rows);
    if (process.env['BENCH_BATCHES'])
      console.log(first, Math.round(performance.now() - batchStarted));
  }
  await writer.commit();
  const seconds = (performance.now() - started) / 1000;
  const counted = await store.readOnlyQuery('SELECT count(*) AS n FROM aws_ec2_instance');
  await store.close();
  const megabytes = (bytes: number): string => `${Math.round(bytes / 2 ** 20)} MiB`;
  console.log(
    `${name}: ${rowCount} rows x ${storedColumns(table).length} columns in ${seconds.toFixed(1)} s ` +
      `(${Math.round(rowCount / seconds)} rows/s); visible ${String(counted.rows[0]?.['n'])}; ` +
      `RSS before ${megabytes(before)}, peak ${megabytes(peakRss)}`,
  );
}

const dataDir = await mkdtemp(join(tmpdir(), 'lateral-copy-bench-'));
try {
  await measure('PGlite', { dataDir });
} finally {
  await rm(dataDir, { recursive: true, force: true });
}

const serverUrl = process.env['LATERAL_TEST_DATABASE_URL'];
if (serverUrl) {
  const database = `lateral_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  try {
    await measure('PostgreSQL', { databaseUrl: url.toString() });
  } finally {
    await admin.query(`DROP DATABASE ${database} WITH (FORCE)`);
    await admin.end();
  }
} else {
  console.log('PostgreSQL: skipped (set LATERAL_TEST_DATABASE_URL=postgres://... to compare)');
}
clearInterval(sampler);

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends, type StoreFixture } from '../../test/store-backends.js';
import type { EvidenceDocument } from '../evidence/evidence-document.js';
import { createScopeEvidence } from '../schema/scope-evidence.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { tableRegistry } from '../schema/table-registry.js';
import { awsEc2InstanceTable } from '../schema/tables/aws-ec2-instance.js';
import { beginSnapshot, listSnapshots } from './snapshot-writer.js';
import type { SnapshotSources } from './snapshot.js';
import type { Store } from './store.js';

const widgetTable: TableDefinition = {
  name: 'test_widget',
  scope: 'regional',
  columns: [
    { name: 'widget_id', type: 'text', description: 'The widget.' },
    { name: 'size', type: 'bigint', description: 'Its size.' },
    { name: 'ratio', type: 'double precision', description: 'A ratio.' },
    { name: 'enabled', type: 'boolean', description: 'Whether on.' },
    { name: 'launched', type: 'timestamptz', description: 'When.' },
    { name: 'address', type: 'inet', description: 'An address.' },
    { name: 'policy', type: 'jsonb', description: 'A document.' },
  ],
  sources: [],
  rows: () => [],
  key: (row) => String(row['widget_id']),
};

const tables = [widgetTable];
let digestCounter = 0;

function sources(label: string): SnapshotSources {
  digestCounter += 1;
  return {
    evidenceDigest: `digest-${label}-${digestCounter}-${Math.random()}`,
    label,
    sources: [
      { path: `/evidence/${label}.json`, sha256: 'ab'.repeat(32), bytes: 10, layout: 'aws-cli' },
    ],
    skipped: [{ path: '/evidence/bad.json', reason: 'truncated JSON' }],
    gaps: [],
  };
}

async function snapshotOf(
  store: Store,
  label: string,
  scopes: [account: string, region: string, ids: string[]][],
): Promise<number> {
  const writer = await beginSnapshot(store, sources(label));
  for (const [account, region, ids] of scopes) {
    await writer.writeScope(
      widgetTable,
      account,
      region,
      ids.map((id) => ({ widget_id: id })),
    );
  }
  return (await writer.commit()).id;
}

async function visibleIds(store: Store, snapshotId?: number): Promise<string[]> {
  const result = await store.readOnlyQuery(
    'SELECT account_id, widget_id FROM test_widget ORDER BY account_id, widget_id',
    snapshotId === undefined ? {} : { snapshotId },
  );
  return result.rows.map((row) => `${String(row['account_id'])}/${String(row['widget_id'])}`);
}

async function countEveryLateralTable(store: Store): Promise<Record<string, number>> {
  const { rows } = await store.query<{ name: string }>(
    "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'lateral' " +
      "AND table_type = 'BASE TABLE' ORDER BY table_name",
  );
  const counts: Record<string, number> = {};
  for (const { name } of rows) {
    const result = await store.query<{ n: number }>(
      `SELECT count(*) AS n FROM "lateral"."${name}"`,
    );
    counts[name] = Number(result.rows[0]?.n);
  }
  return counts;
}

const sharedData = fileURLToPath(new URL('../../../shared/data', import.meta.url));
const demoInstances = `${sharedData}/cloudmapper/account-data/demo/us-east-1/ec2-describe-instances.json`;

describe.each(storeBackends())('the store on $kind', (backend) => {
  let fixture: StoreFixture;
  let store: Store;

  beforeAll(async () => {
    fixture = await backend.createFixture();
    store = await fixture.open(tables);
  });

  afterAll(async () => {
    await store?.close();
    await fixture?.dispose();
  });

  it('re-runs migrations without changing anything', async () => {
    const before = await store.query('SELECT version FROM "lateral".schema_version');
    await store.close();
    store = await fixture.open(tables);
    const after = await store.query('SELECT version FROM "lateral".schema_version');
    expect(after.rows).toEqual(before.rows);
    expect(before.rows.length).toBeGreaterThan(0);
  });

  it('shows a committed snapshot, and nothing of a rolled-back one', async () => {
    await snapshotOf(store, 'first', [['111111111111', 'us-east-1', ['w-1', 'w-2']]]);
    expect(await visibleIds(store)).toEqual(['111111111111/w-1', '111111111111/w-2']);
    const before = await countEveryLateralTable(store);
    const writer = await beginSnapshot(store, sources('abandoned'));
    await writer.writeScope(widgetTable, '111111111111', 'us-east-1', [{ widget_id: 'w-9' }]);
    await writer.recordFiles([], [{ path: '/x', reason: 'late' }], []);
    await writer.rollback();
    expect(await countEveryLateralTable(store)).toEqual(before);
    expect(await visibleIds(store)).toEqual(['111111111111/w-1', '111111111111/w-2']);
  });

  it('shows two accounts side by side, and a newer snapshot of a scope replaces it', async () => {
    const accountB = await snapshotOf(store, 'b', [['222222222222', 'us-east-1', ['w-b']]]);
    expect(await visibleIds(store)).toEqual([
      '111111111111/w-1',
      '111111111111/w-2',
      '222222222222/w-b',
    ]);
    await snapshotOf(store, 'a again', [['111111111111', 'us-east-1', ['w-3']]]);
    expect(await visibleIds(store)).toEqual(['111111111111/w-3', '222222222222/w-b']);
    // As of the account B snapshot, account A still has its first rows.
    expect(await visibleIds(store, accountB)).toEqual([
      '111111111111/w-1',
      '111111111111/w-2',
      '222222222222/w-b',
    ]);
    const listed = await listSnapshots(store);
    expect(listed.map((snapshot) => snapshot.label)).toEqual(['first', 'b', 'a again']);
    expect(listed[0]).toMatchObject({
      sourceCount: 1,
      skippedCount: 1,
      rowCounts: { test_widget: 2 },
    });
  });

  it('stores every column type, awkward text and unstorable text recoverably', async () => {
    const awkward = 'tab\there\nnew\rline back\\slash "quote" \'single\' \u202Ertl\u200F é 😀 \\N';
    const unstorable = 'nul\u0000 and lone \uD800 surrogate';
    const policy = { Statement: [{ Sid: 'k\u0000', Resource: awkward }], n: 1.5, t: true };
    const writer = await beginSnapshot(store, sources('types'));
    await writer.writeScope(widgetTable, '333333333333', 'eu-west-1', [
      {
        widget_id: awkward,
        size: 9007199254740991,
        ratio: -0.25,
        enabled: false,
        launched: '2024-01-02T03:04:05.678Z',
        address: '10.0.0.1',
        policy,
        _source: '/evidence/widgets.json',
      },
      { widget_id: unstorable, policy: [unstorable] },
    ]);
    await writer.commit();
    const { rows } = await store.readOnlyQuery(
      "SELECT * FROM test_widget WHERE account_id = '333333333333' ORDER BY size NULLS LAST",
    );
    expect(rows[0]).toMatchObject({
      widget_id: awkward,
      size: 9007199254740991,
      ratio: -0.25,
      enabled: false,
      address: '10.0.0.1',
      region: 'eu-west-1',
      sp_connection_name: 'aws_333333333333',
      policy: { Statement: [{ Sid: 'k\uFFFD', Resource: awkward }], n: 1.5, t: true },
    });
    expect(new Date(rows[0]?.['launched'] as string).toISOString()).toBe(
      '2024-01-02T03:04:05.678Z',
    );
    const firstContext = rows[0]?.['_ctx'] as Record<string, Record<string, string>>;
    expect(firstContext['source']).toBe('/evidence/widgets.json');
    expect(JSON.parse(firstContext['original']?.['policy'] ?? 'null')).toEqual(policy);
    expect(rows[1]?.['widget_id']).toBe('nul\uFFFD and lone \uFFFD surrogate');
    const original = (rows[1]?.['_ctx'] as Record<string, Record<string, string>>)['original'];
    expect(JSON.parse(original?.['widget_id'] ?? 'null')).toBe(unstorable);
    expect(JSON.parse(original?.['policy'] ?? 'null')).toEqual([unstorable]);
  });

  it.skipIf(!existsSync(demoInstances))(
    'stores rows of a real table from real evidence',
    async () => {
      // Reopening with the real registry adds its tables and views to the same store.
      await store.close();
      store = await fixture.open(tableRegistry);
      const body: unknown = JSON.parse(readFileSync(demoInstances, 'utf8'));
      const document: EvidenceDocument = {
        api: 'ec2:DescribeInstances',
        accountId: '123456789012',
        region: 'us-east-1',
        body,
        source: demoInstances,
      };
      const evidence = createScopeEvidence('123456789012', 'us-east-1', [document]);
      const writer = await beginSnapshot(store, sources('real'));
      const rows = awsEc2InstanceTable.rows(evidence);
      await writer.writeScope(awsEc2InstanceTable, '123456789012', 'us-east-1', rows);
      await writer.commit();
      const expected = (
        body as { Reservations: { Instances: { InstanceId: string }[] }[] }
      ).Reservations.flatMap((reservation) =>
        reservation.Instances.map((i) => i.InstanceId),
      ).sort();
      const result = await store.readOnlyQuery(
        'SELECT instance_id, account_id FROM aws_ec2_instance ORDER BY instance_id',
      );
      expect(result.rows.map((row) => row['instance_id'])).toEqual(expected);
      expect(result.rows.every((row) => row['account_id'] === '123456789012')).toBe(true);
    },
  );
});

/** Derives the graph of real capture folders into a fresh store, for the graph tests. */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EvidenceDocument } from '../../src/evidence/evidence-document.js';
import { deriveGraph, type DeriveGraphSummary } from '../../src/graph/derive-graph.js';
import { openStore } from '../../src/store/open-store.js';
import { beginSnapshot } from '../../src/store/snapshot-writer.js';
import type { Store } from '../../src/store/store.js';
import { documentsOf, rowsOf, sharedDataDir } from './evidence-rows.js';

export const captures = join(sharedDataDir, 'aws-api-captures');
export const cloudMapperDemo = join(sharedDataDir, 'cloudmapper/account-data/demo');

/** The CloudMapper demo account's documents (us-east-1 and global). */
export function cloudMapperDocuments(): EvidenceDocument[] {
  return [
    ...documentsOf(join(cloudMapperDemo, 'us-east-1'), '123456789012', 'us-east-1'),
    ...documentsOf(cloudMapperDemo, '123456789012', 'global'),
  ];
}

export function captureDocuments(name: string, accountId: string, region = 'us-east-1') {
  return documentsOf(join(captures, name), accountId, region);
}

export interface GraphFixture {
  store: Store;
  summary: DeriveGraphSummary;
}

let fixtureCount = 0;

/**
 * A fresh PGlite store in a temporary folder holding one snapshot of the documents' rows, written
 * by the store's snapshot writer, with the graph derived in its transaction as import does.
 * Closing the returned store removes the folder.
 */
export async function deriveFixture(
  documents: readonly EvidenceDocument[],
  accountNames?: ReadonlyMap<string, string>,
): Promise<GraphFixture> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lateral-graph-'));
  const opened = await openStore({ dataDir });
  fixtureCount += 1;
  const writer = await beginSnapshot(opened, {
    evidenceDigest: `graph-test-${process.pid}-${fixtureCount}`,
    sources: [],
    skipped: [],
    gaps: [],
  });
  let summary: DeriveGraphSummary;
  try {
    for (const scope of rowsOf(documents)) {
      await writer.writeScope(scope.table, scope.accountId, scope.region, scope.rows);
    }
    summary = await deriveGraph(writer.session, accountNames === undefined ? {} : { accountNames });
    await writer.commit();
  } catch (error) {
    await writer.rollback();
    await opened.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  const store: Store = {
    ...opened,
    query: (sql, params) => opened.query(sql, params),
    exec: (sql) => opened.exec(sql),
    copyFrom: (table, columns, data) => opened.copyFrom(table, columns, data),
    transaction: (work) => opened.transaction(work),
    readOnlyQuery: (sql, options) => opened.readOnlyQuery(sql, options),
    kind: opened.kind,
    location: opened.location,
    close: async () => {
      await opened.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
  return { store, summary };
}

export interface EdgeView {
  label: string;
  fromType: string;
  fromId: string;
  toType: string;
  toId: string;
  toAccount: string | null;
  toRegion: string | null;
  toCollected: boolean;
  fromCollected: boolean;
}

/** Every edge with both ends' type, id and place, as a responder reads lateral_edge. */
export async function edgesOf(store: Store): Promise<EdgeView[]> {
  const result = await store.query<EdgeView>(
    `select e.label, f.type as "fromType", f.id as "fromId", f.collected as "fromCollected",
       t.type as "toType", t.id as "toId", t.account_id as "toAccount", t.region as "toRegion",
       t.collected as "toCollected"
     from public.lateral_edge e
     join public.lateral_resource f on f.key = e.from_key
     join public.lateral_resource t on t.key = e.to_key`,
  );
  return result.rows;
}

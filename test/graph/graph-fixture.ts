/** Derives the graph of real capture folders into a fresh store, for the graph tests. */
import { join } from 'node:path';
import { deriveGraph, type DeriveGraphSummary } from '../../src/graph/derive-graph.js';
import type { EvidenceDocument } from '../../src/evidence/evidence-document.js';
import type { Store } from '../../src/store/store.js';
import { documentsOf, rowsOf, sharedDataDir } from './evidence-rows.js';
import { openInterimStore } from './interim-store.js';

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

export async function deriveFixture(
  documents: readonly EvidenceDocument[],
  accountNames?: ReadonlyMap<string, string>,
): Promise<GraphFixture> {
  const store = await openInterimStore(rowsOf(documents));
  const summary = await store.transaction((session) =>
    deriveGraph(session, accountNames === undefined ? {} : { accountNames }),
  );
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

import type { SnapshotSummary } from './snapshot.js';
import type { StoreSession } from './store.js';

/** A "lateral".snapshot row as selected by snapshotColumnsSql. */
export interface SnapshotRecord {
  id: number;
  created_at: Date | string;
  label: string | null;
  evidence_digest: string;
  summary: Partial<Omit<SnapshotSummary, 'id' | 'createdAt' | 'label' | 'evidenceDigest'>> | null;
}

export const snapshotColumnsSql = 'id, created_at, label, evidence_digest, summary';

/** The summary of a snapshot row: the counts recorded at commit. */
export function summaryOfRecord(record: SnapshotRecord): SnapshotSummary {
  const createdAt =
    record.created_at instanceof Date ? record.created_at.toISOString() : String(record.created_at);
  return {
    id: Number(record.id),
    createdAt,
    label: record.label,
    evidenceDigest: record.evidence_digest,
    sourceCount: record.summary?.sourceCount ?? 0,
    skippedCount: record.summary?.skippedCount ?? 0,
    gapCount: record.summary?.gapCount ?? 0,
    rowCounts: record.summary?.rowCounts ?? {},
  };
}

/** The committed snapshot made from this evidence digest, if any. */
export async function findSnapshotByDigest(
  store: StoreSession,
  evidenceDigest: string,
): Promise<SnapshotSummary | undefined> {
  const { rows } = await store.query<SnapshotRecord>(
    `SELECT ${snapshotColumnsSql} FROM "lateral".snapshot WHERE evidence_digest = $1`,
    [evidenceDigest],
  );
  const record = rows[0];
  return record === undefined ? undefined : summaryOfRecord(record);
}

/** Every committed snapshot, oldest first. */
export async function listSnapshots(store: StoreSession): Promise<SnapshotSummary[]> {
  const { rows } = await store.query<SnapshotRecord>(
    `SELECT ${snapshotColumnsSql} FROM "lateral".snapshot ORDER BY id`,
  );
  return rows.map(summaryOfRecord);
}

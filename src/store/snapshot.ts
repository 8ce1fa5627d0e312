import type { CoverageGap, SkippedFile, SourceFile } from '../evidence/evidence-document.js';
import type { Row } from '../schema/column.js';
import type { TableDefinition } from '../schema/table-definition.js';
import type { StoreSession } from './store.js';

/** What a snapshot is made from, recorded with it. */
export interface SnapshotSources {
  /** sha256 over the sorted sha256s of the sources: the same evidence gives the same digest. */
  evidenceDigest: string;
  label?: string;
  sources: readonly SourceFile[];
  skipped: readonly SkippedFile[];
  gaps: readonly CoverageGap[];
}

export interface SnapshotSummary {
  id: number;
  createdAt: string;
  label: string | null;
  evidenceDigest: string;
  sourceCount: number;
  skippedCount: number;
  gapCount: number;
  /** Rows written, by table. */
  rowCounts: Record<string, number>;
}

/**
 * A snapshot being written, inside one transaction: nothing of it is visible until commit, and
 * rollback (or a crash) leaves the store as it was.
 */
export interface SnapshotWriter {
  readonly snapshotId: number;
  /** The transaction, for work that must land with the snapshot (the relationship graph). */
  readonly session: StoreSession;
  /**
   * Writes a table's rows of one scope (account and region, or `global`) and records that the
   * snapshot covers that table there: its rows replace earlier snapshots' rows for the scope.
   */
  writeScope(
    table: TableDefinition,
    accountId: string,
    region: string,
    rows: readonly Row[],
  ): Promise<void>;
  /**
   * Records evidence files read (or skipped, or gaps found) after the snapshot began: import
   * reads one account at a time, so it learns of a bad file only when it reaches it.
   */
  recordFiles(
    sources: readonly SourceFile[],
    skipped: readonly SkippedFile[],
    gaps: readonly CoverageGap[],
  ): Promise<void>;
  commit(): Promise<SnapshotSummary>;
  rollback(): Promise<void>;
}

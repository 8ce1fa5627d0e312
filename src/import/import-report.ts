import type { CoverageGap, SkippedFile } from '../evidence/evidence-document.js';
import type { SnapshotSummary } from '../store/snapshot.js';

/** What an import did, for the CLI's summary and for callers such as `lateral demo`. */
export interface ImportReport {
  /** `unchanged` when the same evidence was imported before: nothing was written. */
  outcome: 'created' | 'unchanged';
  snapshotId: number;
  /** Only for a created snapshot. */
  summary?: SnapshotSummary;
  sourceCount: number;
  skipped: SkippedFile[];
  gaps: CoverageGap[];
  accounts: string[];
}

/** `--strict` import refused: the store is unchanged. */
export class ImportRejectedError extends Error {
  override readonly name = 'ImportRejectedError';

  constructor(readonly skipped: readonly SkippedFile[]) {
    super(
      `import stopped (--strict): ${skipped.length} evidence ` +
        `file${skipped.length === 1 ? '' : 's'} ` +
        'could not be used; the store is unchanged',
    );
  }
}

/** Nothing under the paths given is evidence lateral reads. */
export class NoEvidenceError extends Error {
  override readonly name = 'NoEvidenceError';

  constructor(
    readonly paths: readonly string[],
    readonly skipped: readonly SkippedFile[],
  ) {
    super(
      `no evidence found in ${paths.join(', ')}: expected a lateral evidence folder (with ` +
        'manifest.json), a CloudMapper account-data folder, or aws CLI JSON output files',
    );
  }
}

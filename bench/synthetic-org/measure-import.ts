import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { importEvidence } from '../../src/import/import-evidence.js';
import { openStore } from '../../src/store/open-store.js';

/** What one import of the synthetic organization measured, in the process that ran it. */
export interface ImportRunResult {
  target: 'pglite' | 'postgres';
  wallMs: number;
  /** Opening (and migrating) the empty store, not counted in wallMs. */
  openMs: number;
  rowCounts: Record<string, number>;
  totalRows: number;
  /** Peak resident set of the whole process (the PGlite worker thread included), in bytes. */
  peakRssBytes: number;
  /** The largest RSS seen by sampling every 50 ms, in bytes (a cross-check of peakRssBytes). */
  sampledPeakRssBytes: number;
  storeBytes: number | null;
  skipped: number;
  gaps: number;
}

async function folderBytes(folder: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) total += (await stat(join(entry.parentPath, entry.name))).size;
  }
  return total;
}

/**
 * Imports the evidence folder into a fresh store (PGlite in `dataDir`, or the server at
 * `databaseUrl`) and measures it. Meant to run alone in a child process, so that the process's
 * peak RSS is the import's.
 */
export async function runImport(
  evidenceFolder: string,
  target: { dataDir: string } | { databaseUrl: string },
): Promise<ImportRunResult> {
  let sampledPeak = process.memoryUsage.rss();
  const sampler = setInterval(() => {
    sampledPeak = Math.max(sampledPeak, process.memoryUsage.rss());
  }, 50);
  try {
    const openedAt = performance.now();
    const store = await openStore(target);
    const startedAt = performance.now();
    try {
      const report = await importEvidence(store, [evidenceFolder]);
      const wallMs = performance.now() - startedAt;
      const rowCounts = report.summary?.rowCounts ?? {};
      const storeBytes =
        'dataDir' in target
          ? null
          : Number(
              (
                await store.query<{ size: string }>(
                  'select pg_database_size(current_database())::text as size',
                )
              ).rows[0]?.size ?? 0,
            );
      return {
        target: 'dataDir' in target ? 'pglite' : 'postgres',
        wallMs,
        openMs: startedAt - openedAt,
        rowCounts,
        totalRows: Object.values(rowCounts).reduce((sum, count) => sum + count, 0),
        peakRssBytes: process.resourceUsage().maxRSS * 1024,
        sampledPeakRssBytes: Math.max(sampledPeak, process.memoryUsage.rss()),
        storeBytes,
        skipped: report.skipped.length,
        gaps: report.gaps.length,
      };
    } finally {
      await store.close();
    }
  } finally {
    clearInterval(sampler);
  }
}

/** The size on disk of a PGlite data folder, measured after its store is closed. */
export async function pgliteStoreBytes(dataDir: string): Promise<number> {
  return folderBytes(dataDir);
}

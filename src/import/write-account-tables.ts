import type { ApiId } from '../evidence/api-catalog.js';
import type { CoverageGap, EvidenceDocument, SkippedFile } from '../evidence/evidence-document.js';
import { EvidenceError } from '../evidence/evidence-error.js';
import type { Row } from '../schema/column.js';
import { partitionOfRegion } from '../schema/common-columns.js';
import { createScopeEvidence } from '../schema/scope-evidence.js';
import type { TableDefinition } from '../schema/table-definition.js';
import type { SnapshotWriter } from '../store/snapshot.js';
import { ImportRejectedError } from './import-report.js';

export interface AccountTablesResult {
  rowCount: number;
  skipped: SkippedFile[];
  gaps: CoverageGap[];
}

function byRegion(documents: readonly EvidenceDocument[]): Map<string, EvidenceDocument[]> {
  const regions = new Map<string, EvidenceDocument[]>();
  for (const document of documents) {
    const list = regions.get(document.region) ?? [];
    list.push(document);
    regions.set(document.region, list);
  }
  return regions;
}

/** The account's partition, from the regions its evidence came from (global APIs cannot tell). */
function accountPartition(regions: Iterable<string>): string {
  for (const region of regions) if (region !== 'global') return partitionOfRegion(region);
  return 'aws';
}

function isCovered(table: TableDefinition, documents: readonly EvidenceDocument[]): boolean {
  const coveredBy: readonly ApiId[] = table.coveredBy ?? table.sources.slice(0, 1);
  return documents.some((document) => coveredBy.includes(document.api));
}

function dedupe(table: TableDefinition, rows: readonly Row[]): Row[] {
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(table.key(row), row);
  return [...byKey.values()];
}

/**
 * Names the evidence file on each row (`_ctx.source`) when one file made the scope's rows, as
 * most layouts do: one response per account, region and API.
 */
function withSource(
  table: TableDefinition,
  documents: readonly EvidenceDocument[],
  rows: Row[],
): Row[] {
  const coveredBy: readonly ApiId[] = table.coveredBy ?? table.sources.slice(0, 1);
  const sources = new Set(
    documents.filter((document) => coveredBy.includes(document.api)).map((d) => d.source),
  );
  if (sources.size !== 1) return rows;
  const [source] = sources;
  return rows.map((row) => (row['_source'] === undefined ? { ...row, _source: source } : row));
}

/**
 * Maps one table of one scope. A document whose fields have the wrong type is set aside (and
 * named) and the table is mapped again without it, so one bad file costs only its own rows.
 * Returns the rows and the documents they were made from.
 */
function mapScope(
  table: TableDefinition,
  accountId: string,
  region: string,
  partition: string,
  documents: readonly EvidenceDocument[],
  strict: boolean,
  rejected: Map<string, string>,
): { rows: Row[]; usable: readonly EvidenceDocument[] } {
  let usable = documents.filter((document) => !rejected.has(document.source));
  for (;;) {
    try {
      return {
        rows: table.rows(createScopeEvidence(accountId, region, usable, partition)),
        usable,
      };
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      if (strict) throw new ImportRejectedError([{ path: error.file, reason: error.message }]);
      rejected.set(error.file, error.message);
      const remaining = usable.filter((document) => document.source !== error.file);
      // A mapper that blames a file it was not given cannot be helped by dropping documents.
      if (remaining.length === usable.length) throw error;
      usable = remaining;
    }
  }
}

/** Maps and writes every table for one account's evidence. */
export async function writeAccountTables(
  writer: SnapshotWriter,
  accountId: string,
  documents: readonly EvidenceDocument[],
  tables: readonly TableDefinition[],
  strict: boolean,
): Promise<AccountTablesResult> {
  const regions = byRegion(documents);
  const partition = accountPartition(regions.keys());
  const rejected = new Map<string, string>();
  let rowCount = 0;
  // One scope's rows are mapped and encoded while the one before is being written.
  let writing: Promise<void> | undefined;
  try {
    for (const table of tables) {
      for (const [region, regionDocuments] of regions) {
        if ((table.scope === 'global') !== (region === 'global')) continue;
        const relevant = regionDocuments.filter((document) => table.sources.includes(document.api));
        if (!isCovered(table, relevant)) continue;
        const mapped = mapScope(table, accountId, region, partition, relevant, strict, rejected);
        // Evidence that was set aside covers nothing: earlier snapshots' rows stay visible.
        if (!isCovered(table, mapped.usable)) continue;
        const unique = withSource(table, mapped.usable, dedupe(table, mapped.rows));
        const previous = writing;
        writing = writer.writeScope(table, accountId, region, unique);
        // Awaited below (or after a failure): a rejection must not go unobserved meanwhile.
        writing.catch(() => undefined);
        await previous;
        rowCount += unique.length;
      }
    }
    await writing;
  } catch (error) {
    // The writes still queued finish (or fail) before the caller rolls the transaction back.
    await writing?.catch(() => undefined);
    throw error;
  }
  const skipped = [...rejected].map(([path, reason]) => ({ path, reason }));
  const gaps = [...rejected].map(([path, reason]): CoverageGap => {
    const document = documents.find((candidate) => candidate.source === path);
    return {
      accountId,
      region: document?.region ?? null,
      service: document?.api.split(':')[0] ?? null,
      api: document?.api ?? null,
      errorCode: 'UnusableEvidence',
      message: reason,
      source: path,
    };
  });
  return { rowCount, skipped, gaps };
}

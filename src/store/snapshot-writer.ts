import type { CoverageGap, SkippedFile, SourceFile } from '../evidence/evidence-document.js';
import type { Row } from '../schema/column.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { storableText } from '../schema/text-safety.js';
import { copyLine } from './copy-text.js';
import { RowEncoder } from './row-encoder.js';
import { physicalTableName, scopeColumns } from './schema-sql.js';
import type { SnapshotSources, SnapshotSummary, SnapshotWriter } from './snapshot.js';
import {
  findSnapshotByDigest,
  type SnapshotRecord,
  snapshotColumnsSql,
} from './snapshot-records.js';
import type { Store, StoreSession } from './store.js';
import { StoreQueryError } from './store-query-error.js';

/** COPY text is sent in pieces of about this many characters, to bound memory. */
const copyChunkCharacters = 8 * 1024 * 1024;

/** Scope records are inserted this many at a time (five parameters each). */
const scopeRecordBatch = 1000;

const rollbackRequested = Symbol('rollback requested');

function text(value: string | null): string | null {
  return value === null ? null : storableText(value);
}

type RecordedFiles = Pick<SnapshotSources, 'sources' | 'skipped' | 'gaps'>;

async function recordSources(
  session: StoreSession,
  snapshotId: number,
  files: RecordedFiles,
): Promise<void> {
  const id = String(snapshotId);
  const copies: [string, string[], string[]][] = [
    [
      'lateral.snapshot_source',
      ['snapshot_id', 'path', 'sha256', 'bytes', 'layout'],
      files.sources.map((file) =>
        copyLine([id, text(file.path), file.sha256, String(file.bytes), file.layout]),
      ),
    ],
    [
      'lateral.snapshot_skipped',
      ['snapshot_id', 'path', 'reason'],
      files.skipped.map((file) => copyLine([id, text(file.path), text(file.reason)])),
    ],
    [
      'lateral.snapshot_gap',
      ['snapshot_id', 'account_id', 'region', 'service', 'api', 'error_code', 'message', 'source'],
      files.gaps.map((gap) =>
        copyLine([
          id,
          text(gap.accountId),
          text(gap.region),
          text(gap.service),
          text(gap.api),
          text(gap.errorCode),
          text(gap.message),
          text(gap.source),
        ]),
      ),
    ],
  ];
  for (const [table, columns, lines] of copies) {
    if (lines.length > 0) await session.copyFrom(table, columns, lines.join(''));
  }
}

// Postgres quotes a rejected value at the end of some messages; evidence values stay out of them.
function withoutQuotedValue(message: string): string {
  return message.replace(/: ".*"$/s, '');
}

class StoreSnapshotWriter implements SnapshotWriter {
  private state: 'open' | 'committing' | 'done' = 'open';
  private readonly rowCounts: Record<string, number> = {};
  private readonly fileCounts: { sources: number; skipped: number; gaps: number };
  private readonly keysByScope = new Map<string, Set<string>>();
  /** The last statement queued by writeScope; the next one starts when it is done. */
  private lastWrite: Promise<void> = Promise.resolve();

  /** Scopes written, not yet in snapshot_scope: key to [table, account, region, rows]. */
  private readonly pendingScopes = new Map<string, [string, string, string, number]>();
  /**
   * The transaction as callers see it: queued writes and scope records land before any of their
   * statements, so what they read is what writeScope wrote.
   */
  readonly session: StoreSession;

  constructor(
    readonly snapshotId: number,
    private readonly transaction: StoreSession,
    sources: RecordedFiles,
    private readonly settle: (decision: 'commit' | 'rollback') => void,
    private readonly done: Promise<SnapshotSummary>,
  ) {
    this.fileCounts = {
      sources: sources.sources.length,
      skipped: sources.skipped.length,
      gaps: sources.gaps.length,
    };
    this.session = {
      query: async <T>(sql: string, params?: readonly unknown[]) => {
        await this.settleWrites();
        return transaction.query<T>(sql, params);
      },
      exec: async (sql) => {
        await this.settleWrites();
        await transaction.exec(sql);
      },
      copyFrom: async (table, columns, data) => {
        await this.settleWrites();
        await transaction.copyFrom(table, columns, data);
      },
    };
  }

  private assertOpen(): void {
    if (this.state !== 'open') throw new Error(`snapshot ${this.snapshotId} is already finished`);
  }

  async recordFiles(
    sources: readonly SourceFile[],
    skipped: readonly SkippedFile[],
    gaps: readonly CoverageGap[],
  ): Promise<void> {
    this.assertOpen();
    await this.settleWrites();
    await recordSources(this.transaction, this.snapshotId, { sources, skipped, gaps });
    this.fileCounts.sources += sources.length;
    this.fileCounts.skipped += skipped.length;
    this.fileCounts.gaps += gaps.length;
  }

  /**
   * Queues a statement after those already queued, so that the session runs one at a time and in
   * order. `previous` settles when the statement before it is done: waiting for it before
   * encoding more lets the caller encode the next chunk while a COPY runs (in PGlite's worker
   * thread, or on the server), with two chunks in memory at most.
   */
  private queueWrite(write: () => Promise<void>): { previous: Promise<void>; done: Promise<void> } {
    const previous = this.lastWrite;
    const done = previous.then(write);
    // Awaited by the next write, by writeScope, commit or rollback: never left unobserved.
    done.catch(() => undefined);
    this.lastWrite = done;
    return { previous, done };
  }

  /**
   * Queues one INSERT of the scopes written since the last: one statement per scope cost a round
   * trip each, about a fifth of an import's write time (most scopes hold few rows).
   */
  private queueScopeRecords(): void {
    if (this.pendingScopes.size === 0) return;
    const params: unknown[] = [this.snapshotId];
    const values: string[] = [];
    for (const [tableName, accountId, region, rowCount] of this.pendingScopes.values()) {
      const at = params.push(tableName, accountId, region, rowCount);
      values.push(`($1, $${at - 3}, $${at - 2}, $${at - 1}, $${at})`);
    }
    this.pendingScopes.clear();
    this.queueWrite(async () => {
      await this.transaction.query(
        `INSERT INTO "lateral".snapshot_scope (snapshot_id, table_name, account_id, region, row_count)
         VALUES ${values.join(', ')}
         ON CONFLICT (snapshot_id, table_name, account_id, region)
         DO UPDATE SET row_count = "lateral".snapshot_scope.row_count + excluded.row_count`,
        params,
      );
    });
  }

  /** Lands everything writeScope queued; throws the first failure among it. */
  private async settleWrites(): Promise<void> {
    this.queueScopeRecords();
    await this.lastWrite;
  }

  private async copyRows(
    table: TableDefinition,
    accountId: string,
    region: string,
    columns: readonly string[],
    data: string,
  ): Promise<void> {
    try {
      await this.transaction.copyFrom(physicalTableName(table), columns, data);
    } catch (error) {
      if (!(error instanceof StoreQueryError)) throw error;
      throw new Error(
        `cannot store rows of ${table.name} (account ${accountId}, region ${region}): ` +
          `${withoutQuotedValue(error.message)} [${error.code ?? 'no code'}]`,
      );
    }
  }

  async writeScope(
    table: TableDefinition,
    accountId: string,
    region: string,
    rows: readonly Row[],
  ): Promise<void> {
    this.assertOpen();
    const scopeKey = JSON.stringify([table.name, accountId, region]);
    let seen = this.keysByScope.get(scopeKey);
    if (seen === undefined) this.keysByScope.set(scopeKey, (seen = new Set()));
    const encoder = new RowEncoder({ table, accountId, region, snapshotId: this.snapshotId });
    const columns = [
      ...encoder.columnNames,
      scopeColumns.snapshotId,
      scopeColumns.account,
      scopeColumns.region,
    ];
    // The scope fields go after the table's own, before each line's newline.
    const scopeSuffix = `\t${copyLine([String(this.snapshotId), accountId, region]).slice(0, -1)}`;
    let chunk: string[] = [];
    let chunkLength = 0;
    let written = 0;
    const flush = async (): Promise<void> => {
      if (chunk.length === 0) return;
      const data = chunk.join('');
      chunk = [];
      chunkLength = 0;
      await this.queueWrite(() => this.copyRows(table, accountId, region, columns, data)).previous;
    };
    for (let index = 0; index < rows.length; index += 1) {
      const row = rows[index] as Row;
      const key = table.key(row);
      if (seen.has(key)) continue;
      seen.add(key);
      const line = encoder.encode(row, index, scopeSuffix);
      chunk.push(line);
      chunkLength += line.length;
      written += 1;
      if (chunkLength >= copyChunkCharacters) await flush();
    }
    await flush();
    const copied = this.lastWrite;
    const pending = this.pendingScopes.get(scopeKey);
    if (pending === undefined)
      this.pendingScopes.set(scopeKey, [table.name, accountId, region, written]);
    else pending[3] += written;
    if (this.pendingScopes.size >= scopeRecordBatch) this.queueScopeRecords();
    await copied;
    this.rowCounts[table.name] = (this.rowCounts[table.name] ?? 0) + written;
  }

  /** The counts stored with the snapshot at commit. */
  summaryFields(): Omit<SnapshotSummary, 'id' | 'createdAt' | 'label' | 'evidenceDigest'> {
    return {
      sourceCount: this.fileCounts.sources,
      skippedCount: this.fileCounts.skipped,
      gapCount: this.fileCounts.gaps,
      rowCounts: { ...this.rowCounts },
    };
  }

  async commit(): Promise<SnapshotSummary> {
    this.assertOpen();
    this.state = 'committing';
    try {
      await this.settleWrites();
    } catch (error) {
      this.state = 'open';
      throw error;
    }
    this.settle('commit');
    try {
      return await this.done;
    } finally {
      this.state = 'done';
    }
  }

  async rollback(): Promise<void> {
    if (this.state === 'done') return;
    this.state = 'done';
    // ROLLBACK must not overtake a queued COPY, which would then run outside the transaction.
    await this.lastWrite.catch(() => undefined);
    this.settle('rollback');
    try {
      await this.done;
    } catch (error) {
      if (error !== rollbackRequested) throw error;
    }
  }
}

/**
 * Starts a snapshot: opens one transaction, held until commit or rollback, and records the
 * snapshot with its sources, skipped files and gaps. Throws when a snapshot of the same evidence
 * digest exists (check first with findSnapshotByDigest). While the writer is open, other callers
 * of a PGlite store wait.
 */
export async function beginSnapshot(
  store: Store,
  sources: SnapshotSources,
): Promise<SnapshotWriter> {
  let settle!: (decision: 'commit' | 'rollback') => void;
  const decision = new Promise<'commit' | 'rollback'>((resolve) => (settle = resolve));
  let opened!: (writer: StoreSnapshotWriter) => void;
  let failed!: (error: unknown) => void;
  const ready = new Promise<StoreSnapshotWriter>((resolve, reject) => {
    opened = resolve;
    failed = reject;
  });
  const done = store.transaction(async (session) => {
    let writer: StoreSnapshotWriter;
    let record: SnapshotRecord;
    try {
      const existing = await findSnapshotByDigest(session, sources.evidenceDigest);
      if (existing !== undefined) {
        throw new Error(
          `snapshot ${existing.id} (${existing.createdAt}) already holds this evidence ` +
            `(digest ${sources.evidenceDigest})`,
        );
      }
      const inserted = await session.query<SnapshotRecord>(
        `INSERT INTO "lateral".snapshot (label, evidence_digest) VALUES ($1, $2)
         RETURNING ${snapshotColumnsSql}`,
        [sources.label === undefined ? null : storableText(sources.label), sources.evidenceDigest],
      );
      record = inserted.rows[0] as SnapshotRecord;
      await recordSources(session, Number(record.id), sources);
      writer = new StoreSnapshotWriter(Number(record.id), session, sources, settle, done);
    } catch (error) {
      failed(error);
      throw error;
    }
    opened(writer);
    if ((await decision) === 'rollback') throw rollbackRequested;
    const fields = writer.summaryFields();
    await session.query('UPDATE "lateral".snapshot SET summary = $1 WHERE id = $2', [
      JSON.stringify(fields),
      writer.snapshotId,
    ]);
    const createdAt =
      record.created_at instanceof Date ? record.created_at.toISOString() : record.created_at;
    return {
      id: writer.snapshotId,
      createdAt,
      label: record.label,
      evidenceDigest: record.evidence_digest,
      ...fields,
    } satisfies SnapshotSummary;
  });
  // The outcome is awaited by commit() or rollback(); until then a rejection is not unhandled.
  done.catch(() => undefined);
  return ready;
}

export { findSnapshotByDigest, listSnapshots } from './snapshot-records.js';

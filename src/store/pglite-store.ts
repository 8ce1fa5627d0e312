import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AsyncMutex } from './async-mutex.js';
import { acquireDataFolderLock } from './data-folder-lock.js';
import { pgliteDataPath } from './data-dir.js';
import type {
  PgliteRequest,
  PgliteResponse,
  PgliteStartupMessage,
  PgliteWorkerData,
  SerializedError,
} from './pglite-worker-protocol.js';
import { queryInReadOnlyTransaction } from './read-only-query.js';
import { copyStatement } from './sql-identifiers.js';
import type { QueryResult, Store, StoreSession } from './store.js';
import { toStoreQueryError } from './store-query-error.js';

type WithoutId<T> = T extends unknown ? Omit<T, 'id'> : never;
type RequestBody = WithoutId<PgliteRequest>;

function errorFrom(serialized: SerializedError): unknown {
  return toStoreQueryError(Object.assign(new Error(serialized.message), serialized));
}

/**
 * Starts the worker script next to this file: the compiled .js, or, when running from the
 * TypeScript sources (vitest, tsx), the .ts. Node 20 does not apply `--import tsx` from a
 * worker's execArgv to its entry module, so a small bootstrap registers tsx's loader first.
 */
function startWorker(workerData: PgliteWorkerData): Worker {
  const compiled = new URL('./pglite-worker.js', import.meta.url);
  const runningFromSources =
    import.meta.url.endsWith('.ts') || !existsSync(fileURLToPath(compiled));
  if (!runningFromSources) return new Worker(compiled, { workerData });
  const tsxPackage = pathToFileURL(createRequire(import.meta.url).resolve('tsx/package.json'));
  const tsxApi = new URL('./dist/esm/api/index.mjs', tsxPackage).href;
  const entry = new URL('./pglite-worker.ts', import.meta.url).href;
  const bootstrap =
    `import(${JSON.stringify(tsxApi)})` +
    `.then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** The main-thread side of a PGlite store whose database runs in a worker thread. */
class PgliteStore implements Store {
  readonly kind = 'pglite';
  private readonly mutex = new AsyncMutex();
  private readonly pending = new Map<
    number,
    { resolve: (response: PgliteResponse) => void; reject: (error: unknown) => void }
  >();
  private nextId = 1;
  private closed = false;
  /** Statements that run without the mutex, for the holder of a transaction. */
  private readonly unlocked: StoreSession = {
    query: (sql, params) => this.sendQuery(sql, params ?? []),
    exec: async (sql) => {
      await this.send({ kind: 'exec', sql });
    },
    copyFrom: async (table, columns, data) => {
      const bytes = new TextEncoder().encode(data);
      await this.send({
        kind: 'copy',
        sql: copyStatement(table, columns, "'/dev/blob'"),
        data: bytes,
      });
    },
  };

  constructor(
    readonly location: string,
    private readonly worker: Worker,
    private readonly releaseLock: () => void,
  ) {
    worker.on('message', (response: PgliteResponse) => {
      const waiter = this.pending.get(response.id);
      if (waiter === undefined) return;
      this.pending.delete(response.id);
      waiter.resolve(response);
    });
    worker.on('error', (error) => this.failAll(error));
    worker.on('exit', (code) => {
      this.closed = true;
      this.failAll(new Error(`the PGlite worker of ${location} stopped (exit code ${code})`));
    });
  }

  private failAll(error: unknown): void {
    for (const waiter of this.pending.values()) waiter.reject(error);
    this.pending.clear();
  }

  private async send(body: RequestBody): Promise<PgliteResponse & { ok: true }> {
    if (this.closed) throw new Error(`the store in ${this.location} is closed`);
    const id = this.nextId++;
    const response = await new Promise<PgliteResponse>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      const request = { ...body, id } as PgliteRequest;
      // COPY data moves to the worker without a copy.
      this.worker.postMessage(
        request,
        request.kind === 'copy' ? [request.data.buffer as ArrayBuffer] : [],
      );
    });
    if (!response.ok) throw errorFrom(response.error);
    return response;
  }

  private async sendQuery<T>(sql: string, params: readonly unknown[]): Promise<QueryResult<T>> {
    const response = await this.send({ kind: 'query', sql, params });
    return { fields: response.fields ?? [], rows: (response.rows ?? []) as T[] };
  }

  query<T = Record<string, unknown>>(
    sql: string,
    params: readonly unknown[] = [],
  ): Promise<QueryResult<T>> {
    return this.mutex.run(() => this.sendQuery<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.mutex.run(() => this.unlocked.exec(sql));
  }

  copyFrom(table: string, columns: readonly string[], data: string): Promise<void> {
    return this.mutex.run(() => this.unlocked.copyFrom(table, columns, data));
  }

  transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      await this.unlocked.exec('BEGIN');
      let result: T;
      try {
        result = await work(this.unlocked);
      } catch (error) {
        await this.unlocked.exec('ROLLBACK');
        throw error;
      }
      await this.unlocked.exec('COMMIT');
      return result;
    });
  }

  readOnlyQuery(sql: string, options: { snapshotId?: number } = {}): Promise<QueryResult> {
    return this.mutex.run(async () => {
      await this.unlocked.exec('BEGIN READ ONLY');
      try {
        return await queryInReadOnlyTransaction(this.unlocked, sql, options.snapshotId);
      } finally {
        await this.unlocked.exec('ROLLBACK');
      }
    });
  }

  close(): Promise<void> {
    return this.mutex.run(async () => {
      try {
        if (!this.closed) await this.send({ kind: 'close' });
      } finally {
        this.closed = true;
        await this.worker.terminate();
        this.releaseLock();
      }
    });
  }
}

/**
 * Opens (creating when absent) the PGlite database of a data folder, in a worker thread, after
 * taking the folder's lock. Throws DataFolderLockedError when another process holds it.
 */
export async function openPgliteStore(dataDir: string): Promise<Store> {
  const releaseLock = acquireDataFolderLock(dataDir);
  let worker: Worker | undefined;
  try {
    worker = startWorker({ pgDataPath: pgliteDataPath(dataDir) });
    const starting = worker;
    await new Promise<void>((resolve, reject) => {
      starting.once('error', reject);
      starting.once('message', (message: PgliteStartupMessage) => {
        starting.off('error', reject);
        if (message.kind === 'ready') resolve();
        else reject(errorFrom(message.error));
      });
    });
    return new PgliteStore(dataDir, worker, releaseLock);
  } catch (error) {
    await worker?.terminate();
    releaseLock();
    throw error;
  }
}

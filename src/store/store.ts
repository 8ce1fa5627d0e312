import type { Logger } from '../log/logger.js';

export interface QueryField {
  name: string;
  /** The Postgres type oid of the column. */
  dataTypeID: number;
}

export interface QueryResult<T = Record<string, unknown>> {
  fields: QueryField[];
  rows: T[];
}

/** What can be done on one connection, inside or outside a transaction. */
export interface StoreSession {
  /** One statement with $1-style parameters. */
  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>>;
  /** Several statements, no parameters (DDL, migrations). */
  exec(sql: string): Promise<void>;
  /**
   * Loads rows with COPY FROM: `data` is COPY's text format (tab-separated, `\N` for null, with
   * backslash escapes), one line per row, columns in the order given.
   */
  copyFrom(table: string, columns: readonly string[], data: string): Promise<void>;
}

/**
 * The store: PGlite in a data folder (run in a worker thread, since a PGlite query blocks the
 * event loop for its whole duration), or a PostgreSQL server. Both hold the same schema.
 */
export interface Store extends StoreSession {
  readonly kind: 'pglite' | 'postgres';
  /** The data folder, or the server URL without its password: for messages. */
  readonly location: string;
  /** Runs `work` in one transaction: committed when it resolves, rolled back when it throws. */
  transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T>;
  /**
   * Runs one statement of the user's SQL in a read-only transaction that is always rolled back,
   * seeing the snapshot given (the latest when absent).
   */
  readOnlyQuery(sql: string, options?: { snapshotId?: number }): Promise<QueryResult>;
  close(): Promise<void>;
}

export interface OpenStoreOptions {
  /** A PostgreSQL URL; when set, the data folder is not used. */
  databaseUrl?: string;
  /** The PGlite data folder; defaults to defaultDataDir(). */
  dataDir?: string;
  logger?: Logger;
}

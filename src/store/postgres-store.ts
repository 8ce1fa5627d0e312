import pg from 'pg';
import { from as copyFromStream } from 'pg-copy-streams';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { queryInReadOnlyTransaction } from './read-only-query.js';
import { copyStatement } from './sql-identifiers.js';
import type { QueryResult, Store, StoreSession } from './store.js';
import { toStoreQueryError } from './store-query-error.js';
import { parseBigint, pgTypeOid } from './type-parsers.js';

const typeParsers = {
  getTypeParser(oid: number, format?: string): unknown {
    if (oid === pgTypeOid.int8) return parseBigint;
    return pg.types.getTypeParser(oid, format as 'text');
  },
} as pg.CustomTypesConfig;

/** The URL without its password, for messages. */
export function redactDatabaseUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password !== '') parsed.password = '';
    return parsed.toString();
  } catch {
    return '(unparseable database URL)';
  }
}

async function withQueryError<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw toStoreQueryError(error);
  }
}

function sessionOf(client: pg.PoolClient): StoreSession {
  return {
    query: <T>(sql: string, params: readonly unknown[] = []) =>
      withQueryError(async () => {
        // The extended protocol, even without parameters: it runs exactly one statement.
        const config = {
          text: sql,
          values: [...params],
          queryMode: 'extended',
          types: typeParsers,
        } as pg.QueryConfig;
        const result = await client.query(config);
        const fields = result.fields.map((field) => ({
          name: field.name,
          dataTypeID: field.dataTypeID,
        }));
        return { fields, rows: result.rows as T[] } satisfies QueryResult<T>;
      }),
    exec: (sql) =>
      withQueryError(async () => {
        await client.query(sql);
      }),
    copyFrom: (table, columns, data) =>
      withQueryError(async () => {
        const sink = client.query(copyFromStream(copyStatement(table, columns, 'STDIN')));
        await pipeline(Readable.from([Buffer.from(data, 'utf8')]), sink);
      }),
  };
}

class PostgresStore implements Store {
  readonly kind = 'postgres';

  constructor(
    readonly location: string,
    private readonly pool: pg.Pool,
  ) {}

  private async withClient<T>(work: (session: StoreSession) => Promise<T>): Promise<T> {
    const client = await withQueryError(() => this.pool.connect());
    try {
      return await work(sessionOf(client));
    } finally {
      client.release();
    }
  }

  query<T = Record<string, unknown>>(
    sql: string,
    params?: readonly unknown[],
  ): Promise<QueryResult<T>> {
    return this.withClient((session) => session.query<T>(sql, params));
  }

  exec(sql: string): Promise<void> {
    return this.withClient((session) => session.exec(sql));
  }

  copyFrom(table: string, columns: readonly string[], data: string): Promise<void> {
    return this.withClient((session) => session.copyFrom(table, columns, data));
  }

  transaction<T>(work: (session: StoreSession) => Promise<T>): Promise<T> {
    return this.withClient(async (session) => {
      await session.exec('BEGIN');
      let result: T;
      try {
        result = await work(session);
      } catch (error) {
        await session.exec('ROLLBACK');
        throw error;
      }
      await session.exec('COMMIT');
      return result;
    });
  }

  readOnlyQuery(sql: string, options: { snapshotId?: number } = {}): Promise<QueryResult> {
    return this.withClient(async (session) => {
      await session.exec('BEGIN READ ONLY');
      try {
        return await queryInReadOnlyTransaction(session, sql, options.snapshotId);
      } finally {
        await session.exec('ROLLBACK');
      }
    });
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

/** Connects to a PostgreSQL server (checking the connection once) as a store. */
export async function openPostgresStore(databaseUrl: string): Promise<Store> {
  const location = redactDatabaseUrl(databaseUrl);
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 4 });
  // An idle client's connection can drop (server restart); without a listener that would crash.
  pool.on('error', () => undefined);
  try {
    await withQueryError(() => pool.query('SELECT 1'));
  } catch (error) {
    await pool.end();
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`cannot connect to the PostgreSQL server at ${location}: ${reason}`);
  }
  return new PostgresStore(location, pool);
}

/**
 * A minimal in-memory store for graph tests while the real store is not there: PGlite with one
 * public table per Steampipe table (the stored columns), rows inserted as they are.
 */
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import {
  partitionOfRegion,
  storedColumns,
  withScopeColumns,
} from '../../src/schema/common-columns.js';
import { tableRegistry } from '../../src/schema/table-registry.js';
import type { QueryResult, Store, StoreSession } from '../../src/store/store.js';
import type { ScopeRows } from './evidence-rows.js';

function sessionOf(db: PGlite): StoreSession {
  return {
    async query<T>(sql: string, params?: readonly unknown[]) {
      const result = await db.query<T>(sql, params as unknown[] | undefined);
      return { fields: result.fields, rows: result.rows } as QueryResult<T>;
    },
    async exec(sql: string) {
      await db.exec(sql);
    },
    async copyFrom() {
      throw new Error('not used');
    },
  };
}

export async function openInterimStore(scopes: readonly ScopeRows[]): Promise<Store> {
  const db = await PGlite.create({ extensions: { pg_trgm } });
  for (const table of tableRegistry) {
    const columns = storedColumns(table);
    await db.exec(
      `create table public.${table.name} (${columns.map((c) => `"${c.name}" ${c.type}`).join(', ')})`,
    );
  }
  for (const scope of scopes) {
    const columns = storedColumns(scope.table);
    for (const row of scope.rows) {
      const full = withScopeColumns(row, {
        accountId: scope.accountId,
        region: scope.region,
        partition: partitionOfRegion(scope.region),
      });
      const values = columns.map((c) => {
        const value = full[c.name];
        if (value === undefined || value === null) return null;
        return c.type === 'jsonb' ? JSON.stringify(value) : value;
      });
      await db.query(
        `insert into public.${scope.table.name} values (${columns.map((_, i) => `$${i + 1}`).join(', ')})`,
        values,
      );
    }
  }
  const session = sessionOf(db);
  return {
    ...session,
    kind: 'pglite',
    location: 'memory',
    async transaction(work) {
      return db.transaction(async (tx) => work(sessionOf(tx as unknown as PGlite)));
    },
    async readOnlyQuery(sql) {
      return session.query(sql);
    },
    async close() {
      await db.close();
    },
  };
}

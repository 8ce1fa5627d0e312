import { storedColumns } from '../schema/common-columns.js';
import type { TableDefinition } from '../schema/table-definition.js';
import {
  addColumnSql,
  changeColumnTypeSql,
  createPhysicalTableSql,
  createPublicViewSql,
  dropPublicViewSql,
  formattedTypeNames,
  registryFingerprint,
} from './schema-sql.js';
import type { Store, StoreSession } from './store.js';

interface Migration {
  version: number;
  description: string;
  sql: string;
}

// The latest snapshot_scope row per table and scope at or before the session's "lateral".snapshot.
const visibleScopeView = `
CREATE OR REPLACE VIEW "lateral".visible_scope AS
SELECT DISTINCT ON (table_name, account_id, region)
  table_name, account_id, region, snapshot_id
FROM "lateral".snapshot_scope
WHERE snapshot_id <= COALESCE(
  NULLIF(current_setting('lateral.snapshot', true), '')::bigint,
  9223372036854775807)
ORDER BY table_name, account_id, region, snapshot_id DESC;`;

/** Numbered, append-only migrations of the fixed part of the schema. */
const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'snapshots, their sources, skipped files, gaps and scopes',
    sql: `
CREATE TABLE "lateral".snapshot (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  created_at timestamptz NOT NULL DEFAULT now(),
  label text,
  evidence_digest text NOT NULL UNIQUE,
  summary jsonb
);
CREATE TABLE "lateral".snapshot_source (
  snapshot_id bigint NOT NULL REFERENCES "lateral".snapshot (id),
  path text NOT NULL,
  sha256 text NOT NULL,
  bytes bigint NOT NULL,
  layout text NOT NULL
);
CREATE TABLE "lateral".snapshot_skipped (
  snapshot_id bigint NOT NULL REFERENCES "lateral".snapshot (id),
  path text NOT NULL,
  reason text NOT NULL
);
CREATE TABLE "lateral".snapshot_gap (
  snapshot_id bigint NOT NULL REFERENCES "lateral".snapshot (id),
  account_id text,
  region text,
  service text,
  api text,
  error_code text NOT NULL,
  message text NOT NULL,
  source text NOT NULL
);
CREATE TABLE "lateral".snapshot_scope (
  snapshot_id bigint NOT NULL REFERENCES "lateral".snapshot (id),
  table_name text NOT NULL,
  account_id text NOT NULL,
  region text NOT NULL,
  row_count bigint NOT NULL DEFAULT 0,
  PRIMARY KEY (snapshot_id, table_name, account_id, region)
);
CREATE INDEX snapshot_scope_latest_idx
  ON "lateral".snapshot_scope (table_name, account_id, region, snapshot_id DESC);
${visibleScopeView}
CREATE VIEW public.lateral_snapshot AS
  SELECT id, created_at, label, evidence_digest, summary FROM "lateral".snapshot;
CREATE VIEW public.lateral_snapshot_source AS SELECT * FROM "lateral".snapshot_source;
CREATE VIEW public.lateral_snapshot_skipped AS SELECT * FROM "lateral".snapshot_skipped;
CREATE VIEW public.lateral_snapshot_gap AS SELECT * FROM "lateral".snapshot_gap;
CREATE VIEW public.lateral_snapshot_scope AS SELECT * FROM "lateral".snapshot_scope;
CREATE VIEW public.lateral_visible_scope AS SELECT * FROM "lateral".visible_scope;`,
  },
];

/** The highest schema version these migrations produce. */
export const latestSchemaVersion = migrations.at(-1)?.version ?? 0;

async function applyNumberedMigrations(session: StoreSession): Promise<number[]> {
  await session.exec(`
CREATE TABLE IF NOT EXISTS "lateral".schema_version (
  version integer PRIMARY KEY,
  description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE IF NOT EXISTS "lateral".schema_registry (
  singleton boolean PRIMARY KEY DEFAULT true CHECK (singleton),
  fingerprint text NOT NULL,
  table_names jsonb NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);`);
  const { rows } = await session.query<{ version: number }>(
    'SELECT version FROM "lateral".schema_version',
  );
  const applied = new Set(rows.map((row) => row.version));
  const newlyApplied: number[] = [];
  for (const migration of migrations) {
    if (applied.has(migration.version)) continue;
    await session.exec(migration.sql);
    await session.query(
      'INSERT INTO "lateral".schema_version (version, description) VALUES ($1, $2)',
      [migration.version, migration.description],
    );
    newlyApplied.push(migration.version);
  }
  return newlyApplied;
}

async function existingColumnTypes(
  session: StoreSession,
  tableName: string,
): Promise<Map<string, string>> {
  const { rows } = await session.query<{ name: string; type: string }>(
    `SELECT a.attname AS name, format_type(a.atttypid, a.atttypmod) AS type
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'lateral' AND c.relname = $1 AND a.attnum > 0 AND NOT a.attisdropped`,
    [tableName],
  );
  return new Map(rows.map((row) => [row.name, row.type]));
}

/**
 * Brings physical tables and public views in line with the table registry: creates missing
 * tables, adds missing columns, converts changed column types, and rebuilds every view (a view's
 * columns cannot be reordered in place). Rows already stored are kept.
 */
async function syncRegistry(
  session: StoreSession,
  tables: readonly TableDefinition[],
): Promise<boolean> {
  const fingerprint = registryFingerprint(tables);
  const { rows } = await session.query<{ fingerprint: string; table_names: string[] }>(
    'SELECT fingerprint, table_names FROM "lateral".schema_registry',
  );
  const previous = rows[0];
  if (previous?.fingerprint === fingerprint) return false;
  const viewNames = new Set([...(previous?.table_names ?? []), ...tables.map((t) => t.name)]);
  for (const name of viewNames) await session.exec(dropPublicViewSql(name));
  for (const table of tables) {
    await session.exec(createPhysicalTableSql(table));
    const existing = await existingColumnTypes(session, table.name);
    for (const column of storedColumns(table)) {
      const type = existing.get(column.name);
      if (type === undefined) await session.exec(addColumnSql(table, column));
      else if (type !== formattedTypeNames[column.type]) {
        await session.exec(changeColumnTypeSql(table, column));
      }
    }
    await session.exec(createPublicViewSql(table));
  }
  await session.query(
    `INSERT INTO "lateral".schema_registry (fingerprint, table_names) VALUES ($1, $2)
     ON CONFLICT (singleton) DO UPDATE
       SET fingerprint = excluded.fingerprint, table_names = excluded.table_names,
           applied_at = now()`,
    [fingerprint, JSON.stringify(tables.map((table) => table.name))],
  );
  return true;
}

/** What a migration run changed. */
export interface MigrationOutcome {
  appliedVersions: number[];
  registryRebuilt: boolean;
}

/**
 * Creates or updates the store's schema, in one transaction, safe to run any number of times
 * and from several processes at once (they wait on an advisory lock).
 */
export async function migrate(
  store: Store,
  tables: readonly TableDefinition[],
): Promise<MigrationOutcome> {
  return store.transaction(async (session) => {
    await session.query("SELECT pg_advisory_xact_lock(hashtext('lateral.migrations'))");
    await session.exec('CREATE SCHEMA IF NOT EXISTS "lateral";');
    const appliedVersions = await applyNumberedMigrations(session);
    const registryRebuilt = await syncRegistry(session, tables);
    return { appliedVersions, registryRebuilt };
  });
}

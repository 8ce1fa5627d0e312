import { createHash } from 'node:crypto';
import type { ColumnDefinition } from '../schema/column.js';
import { storedColumns } from '../schema/common-columns.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { quoteIdentifier, quoteLiteral } from './sql-identifiers.js';

/**
 * The schema holding lateral's physical tables and snapshot bookkeeping, quoted for SQL: LATERAL
 * is a reserved word, so `lateral.x` must be written `"lateral".x`.
 */
export const storeSchema = '"lateral"';

/** Columns of every physical table besides the Steampipe ones: which snapshot and scope. */
export const scopeColumns = {
  snapshotId: '_snapshot_id',
  account: '_scope_account',
  region: '_scope_region',
} as const;

/**
 * Bumped when the SQL below changes shape, so that existing stores get their views rebuilt even
 * when the table registry is unchanged.
 */
const generatorVersion = 1;

/** The physical table of a Steampipe-shaped table: `lateral.<name>`. */
export function physicalTableName(table: Pick<TableDefinition, 'name'>): string {
  return `lateral.${table.name}`;
}

function columnSql(column: ColumnDefinition): string {
  return `${quoteIdentifier(column.name)} ${column.type}`;
}

/**
 * A digest of everything the generated schema depends on: table names, their stored columns and
 * types, and the generator version. A change means tables, columns and views must be updated.
 */
export function registryFingerprint(tables: readonly TableDefinition[]): string {
  const shape = tables.map((table) => ({
    name: table.name,
    columns: storedColumns(table).map((column) => [column.name, column.type]),
  }));
  return createHash('sha256').update(JSON.stringify({ generatorVersion, shape })).digest('hex');
}

/** Creates the physical table when absent, with its scope index. */
export function createPhysicalTableSql(table: TableDefinition): string {
  const qualified = `${storeSchema}.${quoteIdentifier(table.name)}`;
  const columns = [
    ...storedColumns(table).map(columnSql),
    `${scopeColumns.snapshotId} bigint NOT NULL REFERENCES ${storeSchema}.snapshot (id)`,
    `${scopeColumns.account} text NOT NULL`,
    `${scopeColumns.region} text NOT NULL`,
  ];
  const index = quoteIdentifier(`${table.name}_scope_idx`.slice(0, 63));
  return [
    `CREATE TABLE IF NOT EXISTS ${qualified} (\n  ${columns.join(',\n  ')}\n);`,
    `CREATE INDEX IF NOT EXISTS ${index} ON ${qualified} ` +
      `(${scopeColumns.snapshotId}, ${scopeColumns.account}, ${scopeColumns.region});`,
  ].join('\n');
}

/** Adds a column the physical table lacks (a column newly added to the table definition). */
export function addColumnSql(table: TableDefinition, column: ColumnDefinition): string {
  return (
    `ALTER TABLE ${storeSchema}.${quoteIdentifier(table.name)} ` +
    `ADD COLUMN IF NOT EXISTS ${columnSql(column)};`
  );
}

/** Changes a column whose type the table definition changed, converting through text. */
export function changeColumnTypeSql(table: TableDefinition, column: ColumnDefinition): string {
  const name = quoteIdentifier(column.name);
  return (
    `ALTER TABLE ${storeSchema}.${quoteIdentifier(table.name)} ` +
    `ALTER COLUMN ${name} TYPE ${column.type} USING ${name}::text::${column.type};`
  );
}

/**
 * The Steampipe-shaped view `public.<name>`: the rows of the snapshot that visible_scope picks
 * for each account and region, with the Steampipe columns in order.
 */
export function createPublicViewSql(table: TableDefinition): string {
  const columns = storedColumns(table)
    .map((column) => `t.${quoteIdentifier(column.name)}`)
    .join(',\n  ');
  return (
    `CREATE VIEW public.${quoteIdentifier(table.name)} AS\nSELECT\n  ${columns}\n` +
    `FROM ${storeSchema}.${quoteIdentifier(table.name)} t\n` +
    `JOIN ${storeSchema}.visible_scope v ON v.table_name = ${quoteLiteral(table.name)}\n` +
    `  AND v.snapshot_id = t.${scopeColumns.snapshotId}\n` +
    `  AND v.account_id = t.${scopeColumns.account}\n` +
    `  AND v.region = t.${scopeColumns.region};`
  );
}

export function dropPublicViewSql(tableName: string): string {
  return `DROP VIEW IF EXISTS public.${quoteIdentifier(tableName)};`;
}

/** Postgres' name of a type (format_type) for each type lateral uses. */
export const formattedTypeNames: Record<ColumnDefinition['type'], string> = {
  text: 'text',
  jsonb: 'jsonb',
  boolean: 'boolean',
  bigint: 'bigint',
  'double precision': 'double precision',
  timestamptz: 'timestamp with time zone',
  inet: 'inet',
  cidr: 'cidr',
};

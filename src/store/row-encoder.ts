import type { ColumnDefinition, PgType, Row } from '../schema/column.js';
import { contextColumns, storedColumns } from '../schema/common-columns.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { losslessJsonText, storableJson, storableText } from '../schema/text-safety.js';
import { copyLine } from './copy-text.js';

/** Where rows being encoded belong: their table, scope and snapshot. */
export interface RowScope {
  table: TableDefinition;
  accountId: string;
  region: string;
  snapshotId: number;
}

/** A row value that does not fit its column's type: names where, never the value itself. */
export class RowEncodingError extends Error {
  override readonly name = 'RowEncodingError';

  constructor(scope: RowScope, column: ColumnDefinition, rowIndex: number, actual: string) {
    super(
      `${scope.table.name} (account ${scope.accountId}, region ${scope.region}), ` +
        `row ${rowIndex + 1}: column ${column.name} is ${column.type} but the value is ${actual}; ` +
        'this is a bug in the table mapper, please report it',
    );
  }
}

const surrogate = /[\uD800-\uDFFF]/;

// A quick pre-check: most text has no NUL and no surrogate at all.
function mayBeUnstorable(text: string): boolean {
  return text.includes('\u0000') || surrogate.test(text);
}

const contextNames = new Set(contextColumns.map((column) => column.name));

function describe(value: unknown): string {
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return 'a string of another format';
  return `of type ${typeof value}`;
}

/** The text of a non-null value in Postgres' input format, or undefined when it does not fit. */
function fieldText(type: PgType, value: unknown): string | undefined {
  switch (type) {
    case 'text':
    case 'inet':
    case 'cidr':
      if (typeof value === 'string') return value;
      return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
    case 'jsonb':
      return JSON.stringify(value);
    case 'boolean':
      return typeof value === 'boolean' ? (value ? 't' : 'f') : undefined;
    case 'bigint':
      if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
      if (typeof value === 'bigint') return value.toString();
      return typeof value === 'string' && /^-?\d{1,19}$/.test(value) ? value : undefined;
    case 'double precision':
      if (typeof value === 'number') return String(value);
      return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
        ? value
        : undefined;
    case 'timestamptz':
      if (value instanceof Date)
        return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
  }
}

/**
 * Encodes rows as COPY text in the order of the table's stored columns. Text Postgres cannot
 * store (NUL, lone surrogates) is stored with U+FFFD and its exact original kept as JSON text in
 * `_ctx.original.<column>`; `_ctx`, `sp_ctx` and `sp_connection_name` are filled from the scope.
 */
export class RowEncoder {
  readonly columns: readonly ColumnDefinition[];
  private readonly connectionName: string;
  private readonly scopeDefaults: Record<string, string>;

  constructor(private readonly scope: RowScope) {
    this.columns = storedColumns(scope.table);
    this.connectionName = `aws_${scope.accountId}`;
    this.scopeDefaults = { account_id: scope.accountId, region: scope.region };
  }

  /** The column names, in the order the encoded fields come in. */
  get columnNames(): string[] {
    return this.columns.map((column) => column.name);
  }

  encode(row: Row, rowIndex: number): string {
    const original: Record<string, string> = {};
    const fields = this.columns.map((column): string | null => {
      if (contextNames.has(column.name)) return null;
      const value = row[column.name] ?? this.scopeDefaults[column.name];
      if (value === null || value === undefined) return null;
      const stored = column.type === 'jsonb' ? storableJson(value) : undefined;
      const text = fieldText(column.type, stored === undefined ? value : stored.value);
      if (text === undefined)
        throw new RowEncodingError(this.scope, column, rowIndex, describe(value));
      const safe = stored === undefined && mayBeUnstorable(text) ? storableText(text) : text;
      if (stored?.changed === true || safe !== text)
        original[column.name] = losslessJsonText(value);
      return safe;
    });
    const source = typeof row['_source'] === 'string' ? storableText(row['_source']) : null;
    const context: Record<string, unknown> = {
      connection_name: this.connectionName,
      snapshot_id: this.scope.snapshotId,
      source,
    };
    if (Object.keys(original).length > 0) context['original'] = original;
    const contextValues: Record<string, string> = {
      sp_connection_name: this.connectionName,
      sp_ctx: JSON.stringify({ connection_name: this.connectionName }),
      _ctx: JSON.stringify(context),
    };
    const completed = fields.map((field, index) => {
      const name = this.columns[index]?.name ?? '';
      return contextNames.has(name) ? (contextValues[name] ?? null) : field;
    });
    return copyLine(completed);
  }
}

import type { ColumnDefinition, PgType, Row } from '../schema/column.js';
import { contextColumns, storedColumns } from '../schema/common-columns.js';
import type { TableDefinition } from '../schema/table-definition.js';
import {
  losslessJsonText,
  mayHoldUnstorableJson,
  storableJson,
  storableText,
} from '../schema/text-safety.js';
import { copyNull, escapeCopyField } from './copy-text.js';

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
type FieldText = (value: unknown) => string | undefined;

const integerText = /^-?\d{1,19}$/;

const fieldTexts: Record<Exclude<PgType, 'jsonb'>, FieldText> = {
  text: plainText,
  inet: plainText,
  cidr: plainText,
  boolean: (value) => (typeof value === 'boolean' ? (value ? 't' : 'f') : undefined),
  bigint: (value) => {
    if (typeof value === 'number') return Number.isSafeInteger(value) ? String(value) : undefined;
    if (typeof value === 'bigint') return value.toString();
    return typeof value === 'string' && integerText.test(value) ? value : undefined;
  },
  'double precision': (value) => {
    if (typeof value === 'number') return String(value);
    return typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))
      ? value
      : undefined;
  },
  timestamptz: (value) => {
    if (value instanceof Date)
      return Number.isNaN(value.getTime()) ? undefined : value.toISOString();
    return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? value : undefined;
  },
};

function plainText(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  return typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}

/** Encodes one present value as an escaped COPY field. */
type FieldEncoder = (value: unknown, rowIndex: number) => string;

/**
 * Encodes rows as COPY text in the order of the table's stored columns. Text Postgres cannot
 * store (NUL, lone surrogates) is stored with U+FFFD and its exact original kept as JSON text in
 * `_ctx.original.<column>`; `_ctx`, `sp_ctx` and `sp_connection_name` are filled from the scope.
 */
export class RowEncoder {
  readonly columns: readonly ColumnDefinition[];
  // Chosen once per column, so that encoding a value does not dispatch on its column's type.
  private readonly encoders: readonly (FieldEncoder | undefined)[];
  private readonly defaults: readonly (string | undefined)[];
  private readonly contextPrefix: string;
  private readonly contextFields: Record<string, string>;
  /** The exact originals of the row being encoded whose stored text had to differ. */
  private original: Record<string, string> | undefined;

  constructor(private readonly scope: RowScope) {
    this.columns = storedColumns(scope.table);
    const connectionName = `aws_${scope.accountId}`;
    const scopeDefaults: Record<string, string> = {
      account_id: scope.accountId,
      region: scope.region,
    };
    this.encoders = this.columns.map((column) =>
      contextNames.has(column.name) ? undefined : this.fieldEncoder(column),
    );
    this.defaults = this.columns.map((column) => scopeDefaults[column.name]);
    // The same text JSON.stringify gives for { connection_name, snapshot_id, source, original }.
    this.contextPrefix =
      `{"connection_name":${JSON.stringify(connectionName)},` +
      `"snapshot_id":${JSON.stringify(scope.snapshotId)},"source":`;
    this.contextFields = {
      sp_connection_name: escapeCopyField(connectionName),
      sp_ctx: escapeCopyField(JSON.stringify({ connection_name: connectionName })),
    };
  }

  /** The column names, in the order the encoded fields come in. */
  get columnNames(): string[] {
    return this.columns.map((column) => column.name);
  }

  private fieldEncoder(column: ColumnDefinition): FieldEncoder {
    const name = column.name;
    const fail = (rowIndex: number, value: unknown): never => {
      throw new RowEncodingError(this.scope, column, rowIndex, describe(value));
    };
    if (column.type === 'jsonb') {
      return (value, rowIndex) => {
        const json = JSON.stringify(value) as string | undefined;
        if (json === undefined) return fail(rowIndex, value);
        if (!mayHoldUnstorableJson(json)) return escapeCopyField(json);
        const stored = storableJson(value);
        if (!stored.changed) return escapeCopyField(json);
        this.keepOriginal(name, value);
        return escapeCopyField(JSON.stringify(stored.value));
      };
    }
    const toText = fieldTexts[column.type];
    return (value, rowIndex) => {
      const text = toText(value);
      if (text === undefined) return fail(rowIndex, value);
      if (!mayBeUnstorable(text)) return escapeCopyField(text);
      const safe = storableText(text);
      if (safe !== text) this.keepOriginal(name, value);
      return escapeCopyField(safe);
    };
  }

  private keepOriginal(name: string, value: unknown): void {
    (this.original ??= {})[name] = losslessJsonText(value);
  }

  /**
   * One row's COPY line, with its newline. `suffix` (already COPY text, starting with a tab) is
   * appended after the table's columns, before the newline.
   */
  encode(row: Row, rowIndex: number, suffix = ''): string {
    this.original = undefined;
    const count = this.columns.length;
    const fields = new Array<string>(count);
    let contextIndex = -1;
    for (let index = 0; index < count; index += 1) {
      const encoder = this.encoders[index];
      const name = (this.columns[index] as ColumnDefinition).name;
      if (encoder === undefined) {
        if (name === '_ctx') contextIndex = index;
        else fields[index] = this.contextFields[name] ?? copyNull;
        continue;
      }
      const value = row[name] ?? this.defaults[index];
      if (value === null || value === undefined) {
        fields[index] = copyNull;
        continue;
      }
      fields[index] = encoder(value, rowIndex);
    }
    if (contextIndex !== -1) {
      const source = typeof row['_source'] === 'string' ? storableText(row['_source']) : null;
      const context =
        this.contextPrefix +
        JSON.stringify(source) +
        (this.original === undefined ? '}' : `,"original":${JSON.stringify(this.original)}}`);
      fields[contextIndex] = escapeCopyField(context);
    }
    return fields.join('\t') + suffix + '\n';
  }
}

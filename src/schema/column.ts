/** The Postgres types lateral's tables use; the same set Steampipe's AWS plugin maps to. */
export type PgType =
  'text' | 'jsonb' | 'boolean' | 'bigint' | 'double precision' | 'timestamptz' | 'inet' | 'cidr';

export interface ColumnDefinition {
  name: string;
  type: PgType;
  description: string;
}

/**
 * A row as a table mapper returns it: column name to value. Values by column type:
 * text, inet, cidr: string; bigint, double precision: number; boolean: boolean;
 * timestamptz: an ISO 8601 string; jsonb: any JSON value (object, array, string, ...).
 * A column the evidence does not hold is left out or null: unknown, never a made-up default.
 */
export type Row = Record<string, unknown>;

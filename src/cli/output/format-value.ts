/** Postgres type oids of JSON columns, printed as JSON text. */
const jsonTypeOids = new Set([114, 3802]);

/** A value as one line of text: JSON for objects and JSON columns, ISO 8601 for times. */
export function valueText(value: unknown, dataTypeID: number): string | null {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (jsonTypeOids.has(dataTypeID) || typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

/** A value for JSON output: as the database gave it, with times as ISO 8601 text. */
export function jsonValue(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  return value ?? null;
}

/** Postgres type oids lateral reads specially. */
export const pgTypeOid = { int8: 20, numeric: 1700 } as const;

/**
 * bigint as a JS number when it fits exactly, else as its decimal text: both backends give the
 * same values, and no id or byte count is silently rounded.
 */
export function parseBigint(text: string): number | string {
  const value = Number(text);
  return Number.isSafeInteger(value) ? value : text;
}

/**
 * An error Postgres (PGlite or a server) raised for a statement: its message, SQLSTATE code and,
 * for syntax errors, the 1-based character position in the statement.
 */
export class StoreQueryError extends Error {
  override readonly name = 'StoreQueryError';

  constructor(
    message: string,
    readonly code: string | undefined,
    readonly position: number | undefined,
    readonly detail: string | undefined,
    readonly hint: string | undefined,
  ) {
    super(message);
  }
}

function optionalText(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The error as a StoreQueryError when it carries a Postgres error code; otherwise unchanged. */
export function toStoreQueryError(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  const fields = error as Error & Record<string, unknown>;
  const code = optionalText(fields['code']);
  if (code === undefined || !/^[0-9A-Z]{5}$/.test(code)) return error;
  const position = Number(fields['position']);
  return new StoreQueryError(
    error.message,
    code,
    Number.isInteger(position) && position > 0 ? position : undefined,
    optionalText(fields['detail']),
    optionalText(fields['hint']),
  );
}

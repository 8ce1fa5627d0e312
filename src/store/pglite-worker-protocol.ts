/** Messages between the PGlite store proxy (main thread) and its worker thread. */

export interface PgliteWorkerData {
  /** The folder PGlite keeps its Postgres files in. */
  pgDataPath: string;
}

export type PgliteRequest =
  | { id: number; kind: 'query'; sql: string; params: readonly unknown[] }
  | { id: number; kind: 'exec'; sql: string }
  | { id: number; kind: 'copy'; sql: string; data: Uint8Array }
  | { id: number; kind: 'close' };

/** A Postgres error's fields, which survive the thread boundary (an Error's own fields do not). */
export interface SerializedError {
  message: string;
  code?: string;
  position?: string | number;
  detail?: string;
  hint?: string;
}

export type PgliteResponse =
  | { id: number; ok: true; fields?: { name: string; dataTypeID: number }[]; rows?: unknown[] }
  | { id: number; ok: false; error: SerializedError };

export type PgliteStartupMessage = { kind: 'ready' } | { kind: 'failed'; error: SerializedError };

/** The fields of an error worth sending back, without its stack. */
export function serializeError(error: unknown): SerializedError {
  if (!(error instanceof Error)) return { message: String(error) };
  const fields = error as Error & Record<string, unknown>;
  const text = (name: string): string | undefined =>
    typeof fields[name] === 'string' ? (fields[name] as string) : undefined;
  return {
    message: error.message,
    code: text('code'),
    position: text('position'),
    detail: text('detail'),
    hint: text('hint'),
  };
}

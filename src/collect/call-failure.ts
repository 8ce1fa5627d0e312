import type { ManifestFailure } from '../evidence/manifest.js';

/** Thrown for calls not made because the user interrupted collection. */
export class CollectionInterrupted extends Error {
  override readonly name = 'CollectionInterrupted';

  constructor() {
    super('collection was interrupted');
  }
}

/** True for an SDK call that failed because collection was interrupted (Ctrl-C). */
export function isInterruption(error: unknown, signal: AbortSignal | undefined): boolean {
  if (error instanceof CollectionInterrupted) return true;
  return signal?.aborted === true;
}

/** The AWS error code of a failed SDK call: its name, as the SDK sets it from the response. */
export function errorCode(error: unknown): string {
  if (error instanceof Error) {
    const code = (error as { Code?: unknown }).Code;
    if (typeof code === 'string' && code.length > 0) return code;
    return error.name.length > 0 ? error.name : 'Error';
  }
  return 'UnknownError';
}

const maxMessageLength = 500;

/** The error's message on one line, bounded: it is stored in the manifest and printed. */
export function errorMessage(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const oneLine = text.replace(/\s+/g, ' ').trim();
  const bounded =
    oneLine.length > maxMessageLength ? `${oneLine.slice(0, maxMessageLength)}...` : oneLine;
  return bounded.length > 0 ? bounded : 'no message';
}

/** A failed call as the manifest records it. */
export function failureOf(
  where: { accountId: string | null; region: string | null; service: string | null },
  api: string | null,
  error: unknown,
): ManifestFailure {
  return { ...where, api, errorCode: errorCode(error), message: errorMessage(error) };
}

/** Errors that mean the call is not allowed for this caller (IAM, SCP or region opt-in). */
export function isAccessDenied(error: unknown): boolean {
  return /AccessDenied|UnauthorizedOperation|AuthFailure|OptInRequired|Forbidden/i.test(
    errorCode(error),
  );
}

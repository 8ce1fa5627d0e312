import { StoreQueryError } from '../../store/store-query-error.js';

/**
 * A database error as the user should see it: Postgres' message, its detail and hint, and for
 * an error at a position, the line of the statement with a caret under that character.
 */
export function formatQueryError(error: StoreQueryError, sql: string): string {
  const lines = [`ERROR: ${error.message}${error.code ? ` (SQLSTATE ${error.code})` : ''}`];
  if (error.detail) lines.push(`DETAIL: ${error.detail}`);
  if (error.hint) lines.push(`HINT: ${error.hint}`);
  if (error.position !== undefined) {
    const before = sql.slice(0, error.position - 1);
    const lineStart = before.lastIndexOf('\n') + 1;
    const lineEnd = sql.indexOf('\n', lineStart);
    const line = sql.slice(lineStart, lineEnd === -1 ? undefined : lineEnd);
    const lineNumber = before.split('\n').length;
    lines.push(`LINE ${lineNumber}: ${line}`);
    lines.push(`${' '.repeat(`LINE ${lineNumber}: `.length + before.length - lineStart)}^`);
  }
  return lines.join('\n');
}

export { StoreQueryError };

import type { QueryResult, StoreSession } from './store.js';
import { StoreQueryError } from './store-query-error.js';

/**
 * Statements a read-only transaction still allows but that reach outside the database: COPY can
 * write files as the superuser PGlite runs as, DO and CALL run procedural code that could change
 * the session's role, LOAD loads a library. The user's SQL may not start with them.
 */
const refusedCommands = new Set(['copy', 'do', 'call', 'load']);

/** The first keyword of a statement, after whitespace, comments and opening parentheses. */
export function firstKeyword(sql: string): string {
  let index = 0;
  while (index < sql.length) {
    const rest = sql.slice(index);
    const blank = /^[\s(]+/.exec(rest);
    if (blank !== null) {
      index += blank[0].length;
    } else if (rest.startsWith('--')) {
      const end = rest.indexOf('\n');
      index = end === -1 ? sql.length : index + end + 1;
    } else if (rest.startsWith('/*')) {
      index += blockCommentLength(rest);
    } else {
      return (/^[A-Za-z_]+/.exec(rest)?.[0] ?? '').toLowerCase();
    }
  }
  return '';
}

// Postgres block comments nest.
function blockCommentLength(text: string): number {
  let depth = 0;
  let index = 0;
  while (index < text.length) {
    if (text.startsWith('/*', index)) {
      depth += 1;
      index += 2;
    } else if (text.startsWith('*/', index)) {
      depth -= 1;
      index += 2;
      if (depth === 0) return index;
    } else {
      index += 1;
    }
  }
  return text.length;
}

/**
 * Runs the user's one statement on a session that has just begun a READ ONLY transaction (the
 * caller rolls it back afterwards, whatever happens). Multiple statements are refused by the
 * extended protocol both backends use for `query`.
 */
export async function queryInReadOnlyTransaction(
  session: StoreSession,
  sql: string,
  snapshotId: number | undefined,
): Promise<QueryResult> {
  const keyword = firstKeyword(sql);
  if (refusedCommands.has(keyword)) {
    throw new StoreQueryError(
      `${keyword.toUpperCase()} is not allowed here: lateral runs queries read-only ` +
        '(export results with --output csv or json instead)',
      '25006',
      undefined,
      undefined,
      undefined,
    );
  }
  // Always run a query first: once the transaction has taken its snapshot, Postgres refuses
  // `SET transaction_read_only = off` ("must be set before any query").
  await session.query("SELECT set_config('lateral.snapshot', $1, true)", [
    snapshotId === undefined ? '' : String(snapshotId),
  ]);
  try {
    return await session.query(sql);
  } catch (error) {
    if (isMultipleStatementsError(error)) {
      throw new StoreQueryError(
        'only one SQL statement can run at a time: send the statements one by one',
        '42601',
        undefined,
        undefined,
        undefined,
      );
    }
    throw error;
  }
}

/** Postgres' error for several statements in one extended-protocol query. */
function isMultipleStatementsError(error: unknown): boolean {
  return (
    error instanceof StoreQueryError &&
    error.code === '42601' &&
    /multiple commands/.test(error.message)
  );
}

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { storedColumns } from '../schema/common-columns.js';
import { findTable, tableRegistry } from '../schema/table-registry.js';
import type { QueryResult, Store } from '../store/store.js';
import { quoteLiteral } from '../store/sql-identifiers.js';
import { StoreQueryError } from '../store/store-query-error.js';
import { formatQueryError } from './output/format-error.js';
import { formatResult, type OutputFormat } from './output/format-result.js';
import { UserError } from './user-error.js';

export interface QueryShellOptions {
  format: OutputFormat;
  snapshotId: number | undefined;
  /** Where the history file is kept. */
  dataDir: string;
}

const historyLimit = 1000;

/** Runs one statement and prints its result; a database error becomes a UserError. */
export async function runQuery(
  store: Store,
  sql: string,
  format: OutputFormat,
  snapshotId: number | undefined,
): Promise<string> {
  try {
    const result = await store.readOnlyQuery(sql, snapshotId === undefined ? {} : { snapshotId });
    return formatResult(result, format);
  } catch (error) {
    if (error instanceof StoreQueryError) throw new UserError(formatQueryError(error, sql));
    throw error;
  }
}

const helpText = `Enter SQL ending with ; (one statement at a time, read-only). Commands:
  .tables            the tables and lateral_* views, with row counts
  .inspect <table>   a table's columns, types and descriptions
  .help              this text
  .exit              leave (or Ctrl-D)
`;

function loadHistory(path: string): string[] {
  try {
    return readFileSync(path, 'utf8').split('\n').filter(Boolean).reverse().slice(0, historyLimit);
  } catch {
    return [];
  }
}

function saveHistory(path: string, history: readonly string[], dataDir: string): void {
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(path, [...history].reverse().join('\n') + '\n', { mode: 0o600 });
}

function result(names: string[], rows: Record<string, unknown>[]): QueryResult {
  return { fields: names.map((name) => ({ name, dataTypeID: 25 })), rows };
}

async function tablesText(store: Store, options: QueryShellOptions): Promise<string> {
  const views = await store.readOnlyQuery(
    "SELECT table_name AS name FROM information_schema.views WHERE table_schema = 'public' " +
      "AND table_name LIKE 'lateral\\_%' ORDER BY table_name",
  );
  const names = [
    ...tableRegistry.map((table) => table.name).sort(),
    ...views.rows.map((row) => String(row['name'])),
  ];
  const rows: Record<string, unknown>[] = [];
  for (const name of names) {
    const counted = await store.readOnlyQuery(
      `SELECT count(*) AS n FROM public."${name}"`,
      options.snapshotId === undefined ? {} : { snapshotId: options.snapshotId },
    );
    const description = findTable(name) ? 'Steampipe-shaped' : 'lateral';
    rows.push({ table: name, rows: counted.rows[0]?.['n'], kind: description });
  }
  return formatResult(result(['table', 'rows', 'kind'], rows), options.format);
}

async function inspectText(store: Store, name: string, format: OutputFormat): Promise<string> {
  const table = findTable(name);
  if (table !== undefined) {
    const rows = storedColumns(table).map((column) => ({ ...column }));
    return formatResult(result(['name', 'type', 'description'], rows), format);
  }
  const columns = await store.readOnlyQuery(
    'SELECT column_name AS name, data_type AS type FROM information_schema.columns ' +
      `WHERE table_schema = 'public' AND table_name = ${quoteLiteral(name)} ` +
      'ORDER BY ordinal_position',
  );
  if (columns.rows.length === 0) return `no table named ${name}: see .tables\n`;
  return formatResult(result(['name', 'type'], columns.rows), format);
}

/** The interactive prompt: SQL statements ending with `;` and dot commands, until .exit. */
export async function runQueryShell(store: Store, options: QueryShellOptions): Promise<void> {
  const historyPath = join(options.dataDir, 'query-history');
  const shell = createInterface({
    input: process.stdin,
    output: process.stdout,
    history: loadHistory(historyPath),
    historySize: historyLimit,
    removeHistoryDuplicates: true,
    prompt: 'lateral> ',
  });
  shell.on('history', (history: string[]) => {
    try {
      saveHistory(historyPath, history, options.dataDir);
    } catch {
      // A read-only data folder must not stop the prompt; history is a convenience.
    }
  });
  process.stdout.write(`Store: ${store.location}. Type .help for help.\n`);
  let buffer = '';
  shell.prompt();
  for await (const line of shell) {
    const trimmed = line.trim();
    try {
      if (buffer === '' && trimmed.startsWith('.')) {
        const [commandName, argument] = trimmed.split(/\s+/, 2);
        if (commandName === '.exit' || commandName === '.quit') break;
        if (commandName === '.help') process.stdout.write(helpText);
        else if (commandName === '.tables') process.stdout.write(await tablesText(store, options));
        else if (commandName === '.inspect' && argument) {
          process.stdout.write(await inspectText(store, argument, options.format));
        } else process.stdout.write(`unknown command ${commandName}: see .help\n`);
      } else if (trimmed !== '') {
        buffer += `${line}\n`;
        if (trimmed.endsWith(';')) {
          const sql = buffer;
          buffer = '';
          process.stdout.write(await runQuery(store, sql, options.format, options.snapshotId));
        }
      }
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      process.stderr.write(`${error.message}\n`);
    }
    shell.setPrompt(buffer === '' ? 'lateral> ' : '     ... ');
    shell.prompt();
  }
  shell.close();
}

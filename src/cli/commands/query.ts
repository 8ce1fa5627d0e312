import { type Command, InvalidArgumentError, Option } from 'commander';
import { listSnapshots } from '../../store/snapshot-writer.js';
import type { Store } from '../../store/store.js';
import { type OutputFormat, outputFormats } from '../output/format-result.js';
import { runQuery, runQueryShell } from '../query-shell.js';
import {
  addStoreOptions,
  dataDirOf,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';
import { UserError } from '../user-error.js';

interface QueryCommandOptions extends StoreCommandOptions {
  output: OutputFormat;
  snapshot?: number;
}

/** `--snapshot` names a snapshot the store holds, or the query would silently read the latest. */
async function assertSnapshotExists(store: Store, snapshotId: number): Promise<void> {
  const snapshots = await listSnapshots(store);
  if (!snapshots.some((snapshot) => snapshot.id === snapshotId)) {
    const ids = snapshots.map((snapshot) => snapshot.id);
    throw new UserError(
      `there is no snapshot ${snapshotId} in ${store.location}` +
        (ids.length === 0 ? ' (it holds none yet)' : ` (it holds ${ids[0]} to ${ids.at(-1)})`) +
        ': see `lateral snapshots`',
    );
  }
}

/** Parses --snapshot: a positive whole number. */
export function parseSnapshotId(text: string): number {
  const id = Number(text);
  if (!Number.isSafeInteger(id) || id <= 0) {
    throw new InvalidArgumentError(
      'a snapshot id is a positive whole number (see `lateral snapshots`)',
    );
  }
  return id;
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** `lateral query [sql]`: one statement, from the argument or stdin, or an interactive prompt. */
export function registerQueryCommand(program: Command): void {
  const command = program
    .command('query')
    .description(
      'Run read-only SQL on the Steampipe-shaped tables (no SQL on a terminal: interactive prompt)',
    )
    .argument('[sql]', 'one SQL statement; read from stdin when piped')
    .addOption(
      new Option('-o, --output <format>', 'result format').choices(outputFormats).default('table'),
    )
    .option(
      '--snapshot <id>',
      'see the store as of this snapshot (default: latest)',
      parseSnapshotId,
    );
  addStoreOptions(command);
  command.action(async (sqlArgument: string | undefined, options: QueryCommandOptions) => {
    const interactive = sqlArgument === undefined && process.stdin.isTTY === true;
    const sql = sqlArgument ?? (interactive ? '' : await readStdin());
    if (!interactive && sql.trim() === '') throw new UserError('no SQL given: pass a statement');
    const store = await openStoreFromOptions(options);
    try {
      if (options.snapshot !== undefined) await assertSnapshotExists(store, options.snapshot);
      if (interactive) {
        await runQueryShell(store, {
          format: options.output,
          snapshotId: options.snapshot,
          dataDir: dataDirOf(options),
        });
      } else {
        process.stdout.write(await runQuery(store, sql, options.output, options.snapshot));
      }
    } finally {
      await store.close();
    }
  });
}

import { type Command, Option } from 'commander';
import type { SnapshotSummary } from '../../store/snapshot.js';
import { listSnapshots } from '../../store/snapshot-writer.js';
import { formatResult } from '../output/format-result.js';
import {
  addStoreOptions,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';

interface SnapshotsCommandOptions extends StoreCommandOptions {
  output: 'table' | 'json';
}

function totalRows(snapshot: SnapshotSummary): number {
  return Object.values(snapshot.rowCounts).reduce((sum, count) => sum + count, 0);
}

/** The snapshots as the command prints them. */
export function snapshotsText(
  snapshots: readonly SnapshotSummary[],
  format: 'table' | 'json',
): string {
  if (format === 'json') return `${JSON.stringify(snapshots, null, 2)}\n`;
  const names = ['id', 'time', 'label', 'sources', 'skipped', 'gaps', 'rows'];
  const rows = snapshots.map((snapshot) => ({
    id: snapshot.id,
    time: snapshot.createdAt,
    label: snapshot.label,
    sources: snapshot.sourceCount,
    skipped: snapshot.skippedCount,
    gaps: snapshot.gapCount,
    rows: totalRows(snapshot),
  }));
  return formatResult({ fields: names.map((name) => ({ name, dataTypeID: 25 })), rows }, 'table');
}

/** `lateral snapshots`: the snapshots in the store, oldest first. */
export function registerSnapshotsCommand(program: Command): void {
  const command = program
    .command('snapshots')
    .description('List the snapshots in the store (use an id with `lateral query --snapshot`)')
    .addOption(
      new Option('-o, --output <format>', 'result format')
        .choices(['table', 'json'])
        .default('table'),
    );
  addStoreOptions(command);
  command.action(async (options: SnapshotsCommandOptions) => {
    const store = await openStoreFromOptions(options);
    try {
      process.stdout.write(snapshotsText(await listSnapshots(store), options.output));
    } finally {
      await store.close();
    }
  });
}

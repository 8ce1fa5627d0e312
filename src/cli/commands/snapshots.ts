import type { Command } from 'commander';

/** `lateral snapshots`: not built yet. */
export function registerSnapshotsCommand(_program: Command): void {}

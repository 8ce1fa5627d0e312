import type { Command } from 'commander';

/** `lateral sql-server`: not built yet. */
export function registerSqlServerCommand(_program: Command): void {}

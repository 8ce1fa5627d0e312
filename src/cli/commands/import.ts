import type { Command } from 'commander';

/** `lateral import`: not built yet. */
export function registerImportCommand(_program: Command): void {}

import type { Command } from 'commander';

/** `lateral query`: not built yet. */
export function registerQueryCommand(_program: Command): void {}

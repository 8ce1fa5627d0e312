import type { Command } from 'commander';

/** `lateral start`: not built yet. */
export function registerStartCommand(_program: Command): void {}

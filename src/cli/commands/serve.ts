import type { Command } from 'commander';

/** `lateral serve`: not built yet. */
export function registerServeCommand(_program: Command): void {}

import type { Command } from 'commander';

/** `lateral collect`: not built yet. */
export function registerCollectCommand(_program: Command): void {}

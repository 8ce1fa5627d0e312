import type { Command } from 'commander';

/** `lateral graph`: not built yet. */
export function registerGraphCommand(_program: Command): void {}

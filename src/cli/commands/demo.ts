import type { Command } from 'commander';

/** `lateral demo`: not built yet. */
export function registerDemoCommand(_program: Command): void {}

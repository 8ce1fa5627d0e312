#!/usr/bin/env node
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';

const entry = new URL('../dist/cli/main.js', import.meta.url);
if (!existsSync(fileURLToPath(entry))) {
  console.error(
    'lateral is not built yet: run `npm install` (or `npm run build`) in the checkout first.',
  );
  process.exit(1);
}
await import(entry.href);

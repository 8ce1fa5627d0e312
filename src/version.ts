import { readFileSync } from 'node:fs';

/** lateral's version, from its package.json (recorded in every evidence manifest). */
export const lateralVersion: string = (
  JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as {
    version: string;
  }
).version;

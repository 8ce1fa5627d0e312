import { homedir } from 'node:os';
import { join } from 'node:path';

/**
 * The data folder used when none is given: `$LATERAL_DATA_DIR`, else `$XDG_DATA_HOME/lateral`,
 * else `~/.local/share/lateral`.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  const explicit = env['LATERAL_DATA_DIR'];
  if (explicit) return explicit;
  const xdg = env['XDG_DATA_HOME'];
  if (xdg) return join(xdg, 'lateral');
  return join(homedir(), '.local', 'share', 'lateral');
}

/** Where PGlite keeps its Postgres files inside a data folder. */
export function pgliteDataPath(dataDir: string): string {
  return join(dataDir, 'pglite');
}

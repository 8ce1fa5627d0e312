import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const viteConfig = fileURLToPath(new URL('../../web/vite.config.ts', import.meta.url));

/**
 * Builds the dashboard from the current source into a temporary folder, so the browser tests
 * test this tree's web UI rather than whatever dist/web holds.
 */
export async function buildWebInto(parent?: string): Promise<string> {
  const outDir = await mkdtemp(join(parent ?? tmpdir(), 'lateral-web-'));
  await build({
    configFile: viteConfig,
    logLevel: 'error',
    build: { outDir, emptyOutDir: true, sourcemap: false, chunkSizeWarningLimit: 4096 },
  });
  return outDir;
}

import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGraphReader } from '../../src/graph/graph-reader.js';
import { importEvidence } from '../../src/import/import-evidence.js';
import { createServer, type RunningDashboard } from '../../src/server/create-server.js';
import { openStore } from '../../src/store/open-store.js';
import type { Store } from '../../src/store/store.js';

export interface ImportedStore {
  store: Store;
  close(): Promise<void>;
}

/** A new PGlite store in a temporary folder, with the evidence at `paths` imported. */
export async function openImportedStore(paths: readonly string[]): Promise<ImportedStore> {
  const dataDir = await mkdtemp(join(tmpdir(), 'lateral-store-'));
  const store = await openStore({ dataDir });
  try {
    await importEvidence(store, paths);
  } catch (error) {
    await store.close();
    await rm(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    store,
    close: async () => {
      await store.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** The dashboard over `store` on a free loopback port, serving the web UI built at `webRoot`. */
export async function startDashboard(
  store: Store,
  webRoot: string,
  options: { token?: string } = {},
): Promise<RunningDashboard> {
  const server = createServer({
    store,
    reader: createGraphReader(store),
    host: '127.0.0.1',
    port: 0,
    webRoot,
    ...options,
  });
  return server.listen();
}

/** Every resource key of the graph, for tests that open every page. */
export async function allResourceKeys(store: Store): Promise<{ key: string; type: string }[]> {
  const result = await store.query<{ key: string; type: string }>(
    'select key, type from lateral_resource order by type, key',
  );
  return result.rows;
}

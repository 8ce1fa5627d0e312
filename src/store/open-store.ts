import { tableRegistry } from '../schema/table-registry.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { defaultDataDir } from './data-dir.js';
import { migrate } from './migrations.js';
import { openPgliteStore } from './pglite-store.js';
import { openPostgresStore } from './postgres-store.js';
import type { OpenStoreOptions, Store } from './store.js';

/**
 * Opens the store (a PostgreSQL server when `databaseUrl` is set, else PGlite in the data folder)
 * and migrates its schema to the table registry. `tables` replaces the registry (for tests).
 */
export async function openStore(
  options: OpenStoreOptions,
  tables: readonly TableDefinition[] = tableRegistry,
): Promise<Store> {
  const store =
    options.databaseUrl !== undefined && options.databaseUrl !== ''
      ? await openPostgresStore(options.databaseUrl)
      : await openPgliteStore(options.dataDir ?? defaultDataDir());
  try {
    const outcome = await migrate(store, tables);
    if (outcome.appliedVersions.length > 0 || outcome.registryRebuilt) {
      options.logger?.info('store schema updated', {
        store: store.location,
        versions: outcome.appliedVersions,
        registryRebuilt: outcome.registryRebuilt,
      });
    }
    return store;
  } catch (error) {
    await store.close();
    throw error;
  }
}

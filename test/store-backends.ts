import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TableDefinition } from '../src/schema/table-definition.js';
import { openStore } from '../src/store/open-store.js';
import type { Store } from '../src/store/store.js';

/** One fresh, empty store location on a backend: a temp data folder, or a new database. */
export interface StoreFixture {
  /** Opens (and migrates) the store at this location; may be called again after close. */
  open(tables: readonly TableDefinition[]): Promise<Store>;
  /** The data folder (PGlite) or the database URL (PostgreSQL). */
  readonly location: string;
  /** Removes the folder or drops the database. */
  dispose(): Promise<void>;
}

export interface StoreBackend {
  kind: Store['kind'];
  createFixture(): Promise<StoreFixture>;
}

const pgliteBackend: StoreBackend = {
  kind: 'pglite',
  async createFixture() {
    const dataDir = await mkdtemp(join(tmpdir(), 'lateral-store-test-'));
    return {
      location: dataDir,
      open: (tables) => openStore({ dataDir }, tables),
      dispose: () => rm(dataDir, { recursive: true, force: true }),
    };
  },
};

function postgresBackend(serverUrl: string): StoreBackend {
  return {
    kind: 'postgres',
    async createFixture() {
      const database = `lateral_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
      const admin = new pg.Client({ connectionString: serverUrl });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${database}`);
      await admin.end();
      const url = new URL(serverUrl);
      url.pathname = `/${database}`;
      return {
        location: url.toString(),
        open: (tables) => openStore({ databaseUrl: url.toString() }, tables),
        async dispose() {
          const cleanup = new pg.Client({ connectionString: serverUrl });
          await cleanup.connect();
          await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
          await cleanup.end();
        },
      };
    },
  };
}

let skipNoted = false;

/**
 * The backends to run store tests on: PGlite always, PostgreSQL when LATERAL_TEST_DATABASE_URL
 * names a server (each fixture creates and drops its own database there).
 */
export function storeBackends(): StoreBackend[] {
  const serverUrl = process.env['LATERAL_TEST_DATABASE_URL'];
  if (serverUrl === undefined || serverUrl === '') {
    if (!skipNoted) {
      process.stderr.write(
        'store tests: PostgreSQL backend skipped (set LATERAL_TEST_DATABASE_URL=postgres://... ' +
          'to a server where the user may create databases to run them there too)\n',
      );
      skipNoted = true;
    }
    return [pgliteBackend];
  }
  return [pgliteBackend, postgresBackend(serverUrl)];
}

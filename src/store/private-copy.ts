import { PGlite } from '@electric-sql/pglite';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { acquireDataFolderLock } from './data-folder-lock.js';
import { pgliteDataPath } from './data-dir.js';
import { parseBigint, pgTypeOid } from './type-parsers.js';

/** A throw-away copy of a PGlite store, open in this thread. */
export interface PrivateStoreCopy {
  db: PGlite;
  /** Closes the copy and deletes its folder. */
  discard(): Promise<void>;
}

/**
 * Copies a data folder's PGlite files (holding the folder's lock while copying, so no writer is
 * halfway through) into a temporary folder and opens the copy, with every transaction read-only
 * by default. Whatever is done to the copy never reaches the store.
 */
export async function openPrivateCopy(dataDir: string): Promise<PrivateStoreCopy> {
  const folder = await mkdtemp(join(tmpdir(), 'lateral-sql-server-'));
  const copyPath = join(folder, 'pglite');
  try {
    const release = acquireDataFolderLock(dataDir);
    try {
      await cp(pgliteDataPath(dataDir), copyPath, { recursive: true });
    } finally {
      release();
    }
    const db = await PGlite.create({
      dataDir: copyPath,
      parsers: { [pgTypeOid.int8]: parseBigint },
    });
    await db.exec(
      'ALTER DATABASE postgres SET default_transaction_read_only = on;' +
        'SET default_transaction_read_only = on;',
    );
    return {
      db,
      async discard() {
        try {
          await db.close();
        } finally {
          await rm(folder, { recursive: true, force: true });
        }
      },
    };
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}

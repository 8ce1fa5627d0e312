import { type Command, Option } from 'commander';
import type { Logger } from '../log/logger.js';
import { DataFolderLockedError } from '../store/data-folder-lock.js';
import { defaultDataDir } from '../store/data-dir.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { UserError } from './user-error.js';

/** The options every command that reads or writes the store takes. */
export interface StoreCommandOptions {
  dataDir?: string;
  database?: string;
}

/** Adds --data-dir (env LATERAL_DATA_DIR) and --database (env LATERAL_DATABASE_URL). */
export function addStoreOptions(command: Command): Command {
  return command
    .addOption(
      new Option('--data-dir <dir>', 'the data folder of the embedded store').env(
        'LATERAL_DATA_DIR',
      ),
    )
    .addOption(
      new Option(
        '--database <url>',
        'use a PostgreSQL server (postgres://user@host/db) instead of the data folder',
      ).env('LATERAL_DATABASE_URL'),
    );
}

/** The data folder these options name (also used for query history with --database). */
export function dataDirOf(options: StoreCommandOptions): string {
  return options.dataDir ?? defaultDataDir();
}

/** Opens the store the options name; problems the user can fix become UserErrors. */
export async function openStoreFromOptions(
  options: StoreCommandOptions,
  logger?: Logger,
): Promise<Store> {
  try {
    return await openStore({
      dataDir: dataDirOf(options),
      ...(options.database ? { databaseUrl: options.database } : {}),
      ...(logger ? { logger } : {}),
    });
  } catch (error) {
    if (error instanceof DataFolderLockedError) throw new UserError(error.message);
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST' || code === 'ENOTDIR' || code === 'EACCES') {
      throw new UserError(
        `cannot use ${dataDirOf(options)} as the data folder (${code}): name a folder lateral ` +
          'may create and write, with --data-dir or LATERAL_DATA_DIR',
      );
    }
    if (error instanceof Error && /^cannot connect/.test(error.message)) {
      throw new UserError(`${error.message} (check --database or LATERAL_DATABASE_URL)`);
    }
    throw error;
  }
}

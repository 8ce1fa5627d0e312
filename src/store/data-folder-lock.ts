import { mkdirSync, readFileSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

const lockFileName = 'lateral.lock';

/** Another process holds the data folder; the message says which and what to do. */
export class DataFolderLockedError extends Error {
  override readonly name = 'DataFolderLockedError';

  constructor(
    readonly dataDir: string,
    readonly holderPid: number | undefined,
  ) {
    super(
      `the data folder ${dataDir} is in use by another lateral process ` +
        `(pid ${holderPid ?? 'unknown'}, see ${join(dataDir, lockFileName)}): ` +
        'stop that process, or use another folder with --data-dir',
    );
  }
}

interface LockContent {
  pid: number;
  host: string;
  startedAt: string;
}

function readLock(path: string): LockContent | undefined {
  try {
    const content = JSON.parse(readFileSync(path, 'utf8')) as Partial<LockContent>;
    if (typeof content.pid !== 'number') return undefined;
    return { pid: content.pid, host: String(content.host), startedAt: String(content.startedAt) };
  } catch {
    return undefined;
  }
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the data folder's lock file, so that two processes never open the same PGlite folder
 * (which would corrupt it). A lock left by a process that no longer runs on this host is taken
 * over. Returns the function that releases the lock.
 */
export function acquireDataFolderLock(dataDir: string): () => void {
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, lockFileName);
  const content: LockContent = {
    pid: process.pid,
    host: hostname(),
    startedAt: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 3; attempt += 1) {
    try {
      writeFileSync(path, JSON.stringify(content), { flag: 'wx' });
      return () => {
        if (readLock(path)?.pid === process.pid) unlinkSync(path);
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = readLock(path);
    if (holder === undefined) {
      // Unreadable: being written right now, or left half-written by a crash long ago.
      if (Date.now() - statSync(path).mtimeMs < 10_000)
        throw new DataFolderLockedError(dataDir, undefined);
    } else if (holder.host !== content.host || processIsAlive(holder.pid)) {
      throw new DataFolderLockedError(dataDir, holder.pid);
    }
    // A crashed process's lock: remove it and try again.
    unlinkSync(path);
  }
  throw new DataFolderLockedError(dataDir, readLock(path)?.pid);
}

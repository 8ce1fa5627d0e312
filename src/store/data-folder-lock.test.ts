import { spawn } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openStore } from './open-store.js';

const folders: string[] = [];

async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'lateral-lock-test-'));
  folders.push(folder);
  return folder;
}

afterEach(async () => {
  for (const folder of folders.splice(0)) await rm(folder, { recursive: true, force: true });
});

describe('the data folder lock', () => {
  it('refuses a second opening of the same PGlite folder, naming the holder', async () => {
    const dataDir = await tempFolder();
    const store = await openStore({ dataDir }, []);
    await expect(openStore({ dataDir }, [])).rejects.toThrow(
      new RegExp(`in use by another lateral process \\(pid ${process.pid}.*--data-dir`),
    );
    await store.close();
    expect(existsSync(join(dataDir, 'lateral.lock'))).toBe(false);
    const again = await openStore({ dataDir }, []);
    await again.close();
  });

  it('takes over the lock of a process that no longer runs', async () => {
    const dataDir = await tempFolder();
    const child = spawn(process.execPath, ['-e', '0']);
    const deadPid = await new Promise<number>((resolve) =>
      child.on('exit', () => resolve(child.pid ?? 0)),
    );
    const { hostname } = await import('node:os');
    writeFileSync(
      join(dataDir, 'lateral.lock'),
      JSON.stringify({ pid: deadPid, host: hostname(), startedAt: '2020-01-01T00:00:00Z' }),
    );
    const store = await openStore({ dataDir }, []);
    await store.close();
  });
});

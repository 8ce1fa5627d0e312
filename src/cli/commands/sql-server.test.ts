import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSnapshots } from '../../store/snapshot-writer.js';
import { beginSnapshot } from '../../store/snapshot-writer.js';
import { openStoreFromOptions } from '../store-options.js';
import { type RunningSqlServer, startSqlServer } from './sql-server.js';

const port = 39000 + (process.pid % 1000);
const psql = '/usr/bin/psql';

describe('lateral sql-server', () => {
  let dataDir: string;
  let server: RunningSqlServer;

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lateral-sql-server-test-'));
    const store = await openStoreFromOptions({ dataDir });
    const writer = await beginSnapshot(store, {
      evidenceDigest: 'sql-server-test',
      label: 'served',
      sources: [],
      skipped: [],
      gaps: [],
    });
    await writer.commit();
    await store.close();
    server = await startSqlServer({ dataDir, port, listen: '127.0.0.1' });
  });

  afterAll(async () => {
    await server?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  it('answers queries from a pg client, and no write reaches the store', async () => {
    const client = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      database: 'postgres',
    });
    await client.connect();
    const labels = await client.query('SELECT label FROM lateral_snapshot');
    expect(labels.rows).toEqual([{ label: 'served' }]);
    await expect(client.query('DELETE FROM "lateral".snapshot')).rejects.toThrow(/read-only/);
    // Even a client that turns read-only off changes only the private copy.
    await client.query('SET default_transaction_read_only = off');
    await client.query('DELETE FROM "lateral".snapshot');
    await client.end();
    await server.stop();
    const store = await openStoreFromOptions({ dataDir });
    expect((await listSnapshots(store)).map((snapshot) => snapshot.label)).toEqual(['served']);
    await store.close();
    server = await startSqlServer({ dataDir, port, listen: '127.0.0.1' });
  });

  it.skipIf(!existsSync(psql))('answers psql with the command it prints', async () => {
    const [program, ...args] = server.psqlCommand.split(' ');
    expect(program).toBe('psql');
    const { stdout } = await promisify(execFile)(psql, [
      ...args,
      '-At',
      '-c',
      'SELECT count(*) FROM lateral_snapshot',
    ]);
    expect(stdout.trim()).toBe('1');
  });

  it('refuses --database with advice', async () => {
    await expect(
      startSqlServer({ database: 'postgres://x@localhost/db', port, listen: '127.0.0.1' }),
    ).rejects.toThrow(/connect to that PostgreSQL server directly/);
  });
});

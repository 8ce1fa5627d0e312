import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storeBackends, type StoreFixture } from '../../test/store-backends.js';
import type { TableDefinition } from '../schema/table-definition.js';
import { firstKeyword } from './read-only-query.js';
import { beginSnapshot } from './snapshot-writer.js';
import type { Store } from './store.js';

const noteTable: TableDefinition = {
  name: 'test_note',
  scope: 'global',
  columns: [{ name: 'note', type: 'text', description: 'A note.' }],
  sources: [],
  rows: () => [],
  key: (row) => String(row['note']),
};

const attempts = [
  "INSERT INTO \"lateral\".test_note (note, _snapshot_id, _scope_account, _scope_region) VALUES ('x', 1, 'a', 'b')",
  'UPDATE "lateral".test_note SET note = \'changed\'',
  'DELETE FROM "lateral".snapshot_scope',
  'DROP VIEW public.test_note',
  'CREATE TABLE public.planted (a int)',
  'TRUNCATE "lateral".test_note',
  'SET transaction_read_only = off',
  "SELECT set_config('transaction_read_only', 'off', false)",
  'COMMIT',
  'COMMIT; DELETE FROM "lateral".test_note',
  'SET transaction_read_only = off; DELETE FROM "lateral".test_note',
  'WITH gone AS (DELETE FROM "lateral".test_note RETURNING *) SELECT * FROM gone',
  'DO $$ BEGIN SET transaction_read_only = off; DELETE FROM "lateral".test_note; END $$',
  `/* hidden */ COPY (SELECT 1) TO '${join(tmpdir(), 'lateral-copy-attempt')}'`,
  'SELECT nextval(\'"lateral".snapshot_id_seq\')',
  'CALL nothing()',
  'ROLLBACK',
];

describe.each(storeBackends())('read-only queries on $kind', (backend) => {
  let fixture: StoreFixture;
  let store: Store;

  beforeAll(async () => {
    fixture = await backend.createFixture();
    store = await fixture.open([noteTable]);
    const writer = await beginSnapshot(store, {
      evidenceDigest: 'read-only-test',
      sources: [],
      skipped: [],
      gaps: [],
    });
    await writer.writeScope(noteTable, '111111111111', 'global', [{ note: 'kept' }]);
    await writer.commit();
  });

  afterAll(async () => {
    await store?.close();
    await fixture?.dispose();
  });

  async function state(): Promise<unknown> {
    const notes = await store.query('SELECT note FROM "lateral".test_note ORDER BY note');
    const scopes = await store.query('SELECT count(*)::int AS n FROM "lateral".snapshot_scope');
    const relations = await store.query(
      'SELECT count(*)::int AS n FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace ' +
        "WHERE n.nspname IN ('public', 'lateral')",
    );
    const readOnly = await store.query('SHOW default_transaction_read_only');
    return [notes.rows, scopes.rows, relations.rows, readOnly.rows];
  }

  it.each(attempts)('cannot change the store with: %s', async (sql) => {
    const before = await state();
    await store.readOnlyQuery(sql).then(
      () => undefined,
      (error: unknown) => expect(error).toBeInstanceOf(Error),
    );
    expect(await state()).toEqual(before);
    // The next writer still works: the session was not left read-only or in a transaction.
    await store.transaction(async (session) => {
      await session.query('SELECT 1');
    });
    expect((await store.readOnlyQuery('SELECT note FROM test_note')).rows).toEqual([
      { note: 'kept' },
    ]);
  });

  it('refuses several statements with a clear message', async () => {
    await expect(store.readOnlyQuery('SELECT 1; SELECT 2')).rejects.toThrow(/one SQL statement/);
  });

  it('reports syntax errors with the position', async () => {
    await expect(
      store.readOnlyQuery('SELECT * FROM test_note WHER note = 1'),
    ).rejects.toMatchObject({
      code: '42601',
      position: 30,
    });
  });
});

describe('the first keyword of a statement', () => {
  it('looks past comments, whitespace and parentheses', () => {
    expect(firstKeyword('  -- a comment\n /* x /* nested */ y */ (copy x to stdout)')).toBe('copy');
    expect(firstKeyword('\n\tSelect 1')).toBe('select');
    expect(firstKeyword('-- only a comment')).toBe('');
  });
});

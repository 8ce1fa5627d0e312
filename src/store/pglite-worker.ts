/**
 * The worker thread that owns the PGlite instance of a data folder: a PGlite query blocks its
 * thread for the whole statement, so it runs here and the main thread stays responsive.
 */
import { PGlite } from '@electric-sql/pglite';
import { parentPort, workerData } from 'node:worker_threads';
import {
  type PgliteRequest,
  type PgliteResponse,
  type PgliteStartupMessage,
  type PgliteWorkerData,
  serializeError,
} from './pglite-worker-protocol.js';
import { parseBigint, pgTypeOid } from './type-parsers.js';

const port = parentPort;
if (port === null) throw new Error('pglite-worker must run as a worker thread');
const { pgDataPath } = workerData as PgliteWorkerData;

async function handle(db: PGlite, request: PgliteRequest): Promise<PgliteResponse> {
  switch (request.kind) {
    case 'query': {
      const result = await db.query(request.sql, [...request.params]);
      return { id: request.id, ok: true, fields: result.fields, rows: result.rows };
    }
    case 'exec':
      await db.exec(request.sql);
      return { id: request.id, ok: true };
    case 'copy':
      // PGlite reads COPY FROM '/dev/blob' from the blob attached to the query.
      await db.query(request.sql, [], { blob: new Blob([request.data]) });
      return { id: request.id, ok: true };
    case 'close':
      await db.close();
      return { id: request.id, ok: true };
  }
}

async function main(): Promise<void> {
  let db: PGlite;
  try {
    db = await PGlite.create({
      dataDir: pgDataPath,
      parsers: { [pgTypeOid.int8]: parseBigint },
    });
  } catch (error) {
    port?.postMessage({
      kind: 'failed',
      error: serializeError(error),
    } satisfies PgliteStartupMessage);
    return;
  }
  // Requests arrive one at a time from the proxy's mutex, but a chain keeps them in order anyway.
  let chain: Promise<void> = Promise.resolve();
  port?.on('message', (request: PgliteRequest) => {
    chain = chain.then(async () => {
      let response: PgliteResponse;
      try {
        response = await handle(db, request);
      } catch (error) {
        response = { id: request.id, ok: false, error: serializeError(error) };
      }
      port.postMessage(response);
      if (request.kind === 'close') port.close();
    });
  });
  port?.postMessage({ kind: 'ready' } satisfies PgliteStartupMessage);
}

await main();

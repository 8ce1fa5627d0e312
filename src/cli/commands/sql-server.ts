import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { type Command, InvalidArgumentError } from 'commander';
import { openPrivateCopy } from '../../store/private-copy.js';
import {
  addStoreOptions,
  dataDirOf,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';
import { UserError } from '../user-error.js';

interface SqlServerOptions extends StoreCommandOptions {
  port: number;
  listen: string;
}

/** A running SQL server over a private copy of the store. */
export interface RunningSqlServer {
  host: string;
  port: number;
  /** The psql command that connects to it. */
  psqlCommand: string;
  stop(): Promise<void>;
}

// pglite-socket runs every connection on PGlite's one Postgres session, a statement at a time;
// clients share session settings. Grafana and Metabase open a few connections each.
const maxConnections = 16;

/**
 * Serves a private, read-only-by-default copy of the PGlite store over the Postgres wire
 * protocol. Nothing a client sends reaches the store; the copy is deleted by stop().
 */
export async function startSqlServer(options: SqlServerOptions): Promise<RunningSqlServer> {
  if (options.database) {
    throw new UserError(
      'sql-server serves the embedded store only; with --database, connect to that PostgreSQL ' +
        'server directly (psql, Grafana, Metabase) with a role that can only read',
    );
  }
  // Opening the store first runs its migrations, so the copy has the current schema.
  const store = await openStoreFromOptions(options);
  await store.close();
  const copy = await openPrivateCopy(dataDirOf(options));
  const server = new PGLiteSocketServer({
    db: copy.db,
    host: options.listen,
    port: options.port,
    maxConnections,
  });
  try {
    await server.start();
  } catch (error) {
    await copy.discard();
    const reason = error instanceof Error ? error.message : String(error);
    throw new UserError(
      `cannot listen on ${options.listen}:${options.port} (${reason}): choose another --port`,
    );
  }
  return {
    host: options.listen,
    port: options.port,
    psqlCommand: `psql -h ${options.listen} -p ${options.port} -U postgres -d postgres`,
    async stop() {
      try {
        await server.stop();
      } finally {
        await copy.discard();
      }
    },
  };
}

function parsePort(text: string): number {
  const port = Number(text);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new InvalidArgumentError('a port is a whole number from 1 to 65535');
  }
  return port;
}

/** `lateral sql-server`: the store over the Postgres protocol, for psql, Grafana, Metabase. */
export function registerSqlServerCommand(program: Command): void {
  const command = program
    .command('sql-server')
    .description(
      'Serve a read-only copy of the store over the Postgres protocol (psql, Grafana, Metabase)',
    )
    .option('-p, --port <port>', 'the port (Steampipe uses 9193)', parsePort, 9193)
    .option('--listen <host>', 'the address to listen on', '127.0.0.1');
  addStoreOptions(command);
  command.action(async (options: SqlServerOptions) => {
    const running = await startSqlServer(options);
    console.log(`Serving a private read-only copy of ${dataDirOf(options)}`);
    console.log(`Connect with: ${running.psqlCommand}`);
    if (!['127.0.0.1', 'localhost', '::1'].includes(options.listen)) {
      console.warn(
        `Warning: no password is asked; anyone who can reach ${options.listen} can read.`,
      );
    }
    console.log(
      'Connections share one session, one statement at a time. Changes are discarded; ' +
        'the copy does not follow later imports (restart to refresh). Ctrl-C stops.',
    );
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await running.stop();
  });
}

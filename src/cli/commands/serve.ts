import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { createGraphReader } from '../../graph/graph-reader.js';
import { generateAccessToken } from '../../server/access-token.js';
import { isLoopbackHost } from '../../server/access-guard.js';
import { createServer, defaultWebRoot } from '../../server/create-server.js';
import { consoleLogger } from '../console-logger.js';
import {
  addStoreOptions,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';
import { UserError } from '../user-error.js';

interface ServeOptions extends StoreCommandOptions {
  port: string;
  listen?: string;
  verbose?: boolean;
}

const defaultPort = 9194;
const loopback = '127.0.0.1';

function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UserError(`--port must be a port number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/**
 * `lateral serve`: the investigation dashboard on 127.0.0.1. With `--listen <host>` it listens
 * there instead and requires a token, printed once in the URL.
 */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('Serve the investigation dashboard (search, resource pages, graphs)')
    .option('--port <port>', 'the port to listen on (0: any free port)', String(defaultPort))
    .option(
      '--listen <host>',
      'listen on this address instead of 127.0.0.1; then a token is required (printed in the URL)',
    )
    .option('--verbose', 'log every failed request');
  addStoreOptions(command);
  command.action(async (options: ServeOptions) => {
    const port = parsePort(options.port);
    const host = options.listen ?? loopback;
    if (!existsSync(join(defaultWebRoot, 'index.html'))) {
      throw new UserError(
        `The dashboard is not built (${defaultWebRoot} is missing): run \`npm run build\`.`,
      );
    }
    const logger = consoleLogger({ verbose: options.verbose === true });
    const store = await openStoreFromOptions(options, logger);
    try {
      const token = options.listen === undefined ? undefined : generateAccessToken();
      const server = createServer({
        store,
        reader: createGraphReader(store),
        host,
        port,
        ...(token === undefined ? {} : { token }),
        logger,
      });
      let running;
      try {
        running = await server.listen();
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EADDRINUSE') {
          throw new UserError(`Port ${port} is in use: choose another with --port.`);
        }
        if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
          throw new UserError(`Cannot listen on ${host}: it is not an address of this machine.`);
        }
        throw error;
      }
      console.log(`lateral dashboard: ${running.url}`);
      if (token !== undefined && !isLoopbackHost(host)) {
        console.log('The token in this URL is shown once; anyone with it can read the store.');
      }
      console.log(`Reading ${store.location}. Press Ctrl+C to stop.`);
      await waitForInterrupt();
      await running.close();
    } finally {
      await store.close();
    }
  });
}

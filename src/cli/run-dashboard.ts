import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createGraphReader } from '../graph/graph-reader.js';
import type { Logger } from '../log/logger.js';
import { isLoopbackHost } from '../server/access-guard.js';
import { generateAccessToken } from '../server/access-token.js';
import { createServer, defaultWebRoot, type RunningDashboard } from '../server/create-server.js';
import type { Store } from '../store/store.js';
import { UserError } from './user-error.js';

export const defaultDashboardPort = 9194;
const loopback = '127.0.0.1';

export interface DashboardOptions {
  port: number;
  /** Listen on this address instead of loopback; a token is then required. */
  listen?: string;
  logger: Logger;
}

/** `--port` as a number, or a UserError saying what a port is. */
export function parsePort(raw: string): number {
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new UserError(`--port must be a port number from 0 to 65535, not "${raw}".`);
  }
  return port;
}

/** Fails early, with the command to run, when the web UI was never built. */
export function assertDashboardBuilt(): void {
  if (!existsSync(join(defaultWebRoot, 'index.html'))) {
    throw new UserError(
      `The dashboard is not built (${defaultWebRoot} is missing): run \`npm run build\`.`,
    );
  }
}

function waitForInterrupt(): Promise<void> {
  return new Promise((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
}

/**
 * Serves the dashboard over `store` until Ctrl+C. `onListening` prints what the user needs (the
 * URL, a page to start from); the store stays open for the server and is not closed here.
 */
export async function runDashboard(
  store: Store,
  options: DashboardOptions,
  onListening: (running: RunningDashboard) => void,
): Promise<void> {
  const host = options.listen ?? loopback;
  const token = options.listen === undefined ? undefined : generateAccessToken();
  const server = createServer({
    store,
    reader: createGraphReader(store),
    host,
    port: options.port,
    ...(token === undefined ? {} : { token }),
    logger: options.logger,
  });
  let running: RunningDashboard;
  try {
    running = await server.listen();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') {
      throw new UserError(`Port ${options.port} is in use: choose another with --port.`);
    }
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
      throw new UserError(`Cannot listen on ${host}: it is not an address of this machine.`);
    }
    throw error;
  }
  onListening(running);
  if (token !== undefined && !isLoopbackHost(host)) {
    console.log('The token in this URL is shown once; anyone with it can read the store.');
  }
  console.log(`Reading ${store.location}. Press Ctrl+C to stop.`);
  await waitForInterrupt();
  await running.close();
}

import { fileURLToPath } from 'node:url';
import { serve, type ServerType } from '@hono/node-server';
import { Hono } from 'hono';
import type { GraphReader } from '../graph/graph-model.js';
import { silentLogger, type Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import {
  accessGuardMiddleware,
  allowedHostHeaders,
  isLoopbackHost,
  isWildcardHost,
  machineHostNames,
} from './access-guard.js';
import { createApiRoutes } from './api-routes.js';
import { securityHeadersMiddleware } from './security-headers.js';
import { serveWebFile } from './static-files.js';

/** Where `npm run build:web` writes the dashboard, relative to this file (src/ or dist/). */
export const defaultWebRoot = fileURLToPath(new URL('../../dist/web', import.meta.url));

export interface DashboardServerOptions {
  store: Store;
  reader: GraphReader;
  /** The address to listen on: 127.0.0.1 unless the user chose another with --listen. */
  host: string;
  /** 0 picks a free port. */
  port: number;
  /** Required on every request when set. */
  token?: string;
  /** The built dashboard; defaults to dist/web. */
  webRoot?: string;
  logger?: Logger;
}

export interface RunningDashboard {
  /** The URL to open (with the token, when one is required). */
  url: string;
  port: number;
  close(): Promise<void>;
}

export interface DashboardServer {
  /** The Hono app: `app.request()` exercises it without a socket. */
  app: Hono;
  listen(): Promise<RunningDashboard>;
}

/** The host to print in the URL: for a wildcard listener, the machine's first outside IPv4. */
function urlHost(host: string): string {
  const shown = isWildcardHost(host)
    ? (machineHostNames().find(
        (name) => /^\d+\.\d+\.\d+\.\d+$/.test(name) && !isLoopbackHost(name),
      ) ?? '127.0.0.1')
    : host;
  return shown.includes(':') && !shown.startsWith('[') ? `[${shown}]` : shown;
}

/** The dashboard's HTTP server: the JSON API under /api and the built web UI. */
export function createServer(options: DashboardServerOptions): DashboardServer {
  const logger = options.logger ?? silentLogger;
  const webRoot = options.webRoot ?? defaultWebRoot;
  let boundPort = options.port;
  let allowedHosts = allowedHostHeaders(options.host, boundPort);

  const app = new Hono();
  app.use('*', securityHeadersMiddleware());
  app.use('*', accessGuardMiddleware({ allowedHosts: () => allowedHosts, token: options.token }));
  app.route('/api', createApiRoutes(options.store, options.reader));
  app.get('*', (context) => serveWebFile(context, webRoot));
  app.all('*', (context) => context.text('Method not allowed.', 405));
  app.onError((error, context) => {
    logger.error('dashboard request failed', { error, path: context.req.path });
    if (context.req.path.startsWith('/api/')) {
      return context.json({ error: 'The request failed inside lateral; see its log.' }, 500);
    }
    return context.text('The request failed inside lateral; see its log.', 500);
  });

  const listen = () =>
    new Promise<RunningDashboard>((resolve, reject) => {
      const onError = (error: Error) => reject(error);
      const server: ServerType = serve(
        { fetch: app.fetch, hostname: options.host, port: options.port },
        (info) => {
          server.off('error', onError);
          boundPort = info.port;
          allowedHosts = allowedHostHeaders(options.host, boundPort);
          const base = `http://${urlHost(options.host)}:${boundPort}/`;
          const url = options.token === undefined ? base : `${base}?token=${options.token}`;
          resolve({
            url,
            port: boundPort,
            close: () =>
              new Promise<void>((done, fail) => {
                if ('closeAllConnections' in server) server.closeAllConnections();
                server.close((error) => (error ? fail(error) : done()));
              }),
          });
        },
      );
      server.once('error', onError);
    });

  return { app, listen };
}

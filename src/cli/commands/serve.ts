import type { Command } from 'commander';
import { consoleLogger } from '../console-logger.js';
import {
  assertDashboardBuilt,
  defaultDashboardPort,
  parsePort,
  runDashboard,
} from '../run-dashboard.js';
import {
  addStoreOptions,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';

interface ServeOptions extends StoreCommandOptions {
  port: string;
  listen?: string;
  verbose?: boolean;
}

/**
 * `lateral serve`: the investigation dashboard on 127.0.0.1. With `--listen <host>` it listens
 * there instead and requires a token, printed once in the URL.
 */
export function registerServeCommand(program: Command): void {
  const command = program
    .command('serve')
    .description('Serve the investigation dashboard (search, resource pages, graphs)')
    .option(
      '--port <port>',
      'the port to listen on (0: any free port)',
      String(defaultDashboardPort),
    )
    .option(
      '--listen <host>',
      'listen on this address instead of 127.0.0.1; then a token is required (printed in the URL)',
    )
    .option('--verbose', 'log every failed request');
  addStoreOptions(command);
  command.action(async (options: ServeOptions) => {
    const port = parsePort(options.port);
    assertDashboardBuilt();
    const logger = consoleLogger({ verbose: options.verbose === true });
    const store = await openStoreFromOptions(options, logger);
    try {
      await runDashboard(
        store,
        { port, logger, ...(options.listen === undefined ? {} : { listen: options.listen }) },
        (running) => console.log(`lateral dashboard: ${running.url}`),
      );
    } finally {
      await store.close();
    }
  });
}

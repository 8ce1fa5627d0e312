import { resolve } from 'node:path';
import type { Command } from 'commander';
import { ensureDemoImported } from '../../demo/ensure-demo-imported.js';
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
import { defaultDemoFolder } from './demo.js';

interface StartOptions extends StoreCommandOptions {
  port: string;
  verbose?: boolean;
}

/**
 * `lateral start`: the main job on the embedded demo organization. Writes and imports the demo
 * when the store does not hold it yet, serves the dashboard, and prints the compromised host's
 * page, where an investigation starts.
 */
export function registerStartCommand(program: Command): void {
  const command = program
    .command('start')
    .description(
      'import the demo organization if it is not there yet, serve the dashboard, and print the ' +
        "compromised host's page",
    )
    .option(
      '--port <port>',
      'the port to listen on (0: any free port)',
      String(defaultDashboardPort),
    )
    .option('-v, --verbose', 'log each account as it is imported');
  addStoreOptions(command);
  command.action(async (options: StartOptions) => {
    const port = parsePort(options.port);
    assertDashboardBuilt();
    const logger = consoleLogger({ verbose: options.verbose });
    const store = await openStoreFromOptions(options, logger);
    try {
      const folder = resolve(defaultDemoFolder(options));
      const { facts, report } = await ensureDemoImported(store, folder, { logger });
      console.log(
        report.outcome === 'created'
          ? `Imported the demo organization as snapshot ${report.snapshotId} (${folder}).`
          : `The demo organization is in the store (snapshot ${report.snapshotId}).`,
      );
      const host = facts.compromisedHost;
      await runDashboard(store, { port, logger }, (running) => {
        const page = new URL(`/r/${encodeURIComponent(host.arn)}`, running.url);
        for (const [name, value] of new URL(running.url).searchParams) {
          page.searchParams.set(name, value);
        }
        console.log(`lateral dashboard: ${running.url}`);
        console.log(
          `The compromised host, ${host.name} (${host.instanceId}, account ${host.accountId}):`,
        );
        console.log(`  ${page.toString()}`);
      });
    } finally {
      await store.close();
    }
  });
}

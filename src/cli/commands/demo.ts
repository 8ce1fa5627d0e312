import { join, resolve } from 'node:path';
import type { Command } from 'commander';
import { DemoFolderInUseError } from '../../demo/demo-folder.js';
import { ensureDemoImported } from '../../demo/ensure-demo-imported.js';
import { consoleLogger } from '../console-logger.js';
import {
  addStoreOptions,
  dataDirOf,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';
import { UserError } from '../user-error.js';

interface DemoCommandOptions extends StoreCommandOptions {
  out?: string;
  force?: boolean;
  verbose?: boolean;
}

/** Where the demo evidence goes when --out is not given: inside the data folder. */
export function defaultDemoFolder(options: StoreCommandOptions): string {
  return join(dataDirOf(options), 'demo-evidence');
}

/** `lateral demo`: writes a made-up organization with an incident in it, and imports it. */
export function registerDemoCommand(program: Command): void {
  const command = program
    .command('demo')
    .description(
      'write a demo organization (4 accounts, 2 regions, a compromised render node) as evidence ' +
        'and import it',
    )
    .option('--out <folder>', 'where to write the evidence (default: <data dir>/demo-evidence)')
    .option('--force', "replace the folder's manifest.json and accounts/ even if not a demo")
    .option('-v, --verbose', 'log each account as it is imported');
  addStoreOptions(command);
  command.action(async (options: DemoCommandOptions) => {
    const logger = consoleLogger({ verbose: options.verbose });
    const folder = resolve(options.out ?? defaultDemoFolder(options));
    const store = await openStoreFromOptions(options, logger);
    try {
      const { facts, report } = await ensureDemoImported(store, folder, {
        force: options.force ?? false,
        logger,
      });
      const host = facts.compromisedHost;
      console.log(`Demo evidence: ${folder} (${facts.fileCount} files)`);
      console.log(
        report.outcome === 'created'
          ? `Imported as snapshot ${report.snapshotId}.`
          : `Already imported as snapshot ${report.snapshotId}.`,
      );
      console.log(
        `\nThe compromised host: ${host.name}, account ${host.accountId}, ${host.region}`,
      );
      console.log(`  instance id   ${host.instanceId}`);
      console.log(`  ARN           ${host.arn}`);
      console.log(`  role          ${host.roleArn}`);
      console.log(`\nNext: lateral serve, or`);
      console.log(
        `  lateral query "select instance_id, tags ->> 'Name' as name from aws_ec2_instance ` +
          `where iam_instance_profile_arn = '${host.instanceProfileArn}'"`,
      );
    } catch (error) {
      if (error instanceof DemoFolderInUseError) throw new UserError(error.message);
      throw error;
    } finally {
      await store.close();
    }
  });
}

import { resolve } from 'node:path';
import Table from 'cli-table3';
import type { Command } from 'commander';
import { collectedServices, type ServiceName } from '../../collect/aws-clients.js';
import { CollectSetupError, collectEvidence } from '../../collect/collect-evidence.js';
import {
  gapLine,
  jsonSummary,
  progressLines,
  summaryHeader,
  summaryRows,
} from '../../collect/collect-report.js';
import type { CollectTally } from '../../collect/collect-tally.js';
import { importEvidence } from '../../import/import-evidence.js';
import type { ImportReport } from '../../import/import-report.js';
import { lateralVersion } from '../../version.js';
import { consoleLogger } from '../console-logger.js';
import {
  addStoreOptions,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';
import { UserError } from '../user-error.js';

interface CollectCommandOptions extends StoreCommandOptions {
  profile?: string;
  org?: boolean;
  roleName: string;
  accounts?: string;
  regions?: string;
  services?: string;
  endpointUrl?: string;
  homeRegion?: string;
  out?: string;
  import: boolean;
  includeSecrets?: boolean;
  concurrency: string;
  maxPerAccount: string;
  maxPerRegion: string;
  maxPerService: string;
  accountsAtOnce: string;
  maxAttempts: string;
  timeout: string;
  quiet?: boolean;
  json?: boolean;
  verbose?: boolean;
}

function list(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const items = value
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item.length > 0);
  return items.length === 0 ? undefined : items;
}

function positive(name: string, value: string): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1) {
    throw new UserError(`--${name} must be a whole number of at least 1 (got "${value}")`);
  }
  return number;
}

function parseRegions(value: string | undefined): string[] | 'enabled' {
  const regions = list(value);
  if (regions === undefined || (regions.length === 1 && regions[0] === 'all')) return 'enabled';
  for (const region of regions) {
    if (!/^[a-z]{2}(-[a-z]+)+-\d+$/.test(region)) {
      throw new UserError(
        `--regions: "${region}" is not a region name (e.g. eu-west-1), or use all`,
      );
    }
  }
  return regions;
}

function parseServices(value: string | undefined): ServiceName[] | undefined {
  const services = list(value);
  if (services === undefined) return undefined;
  for (const service of services) {
    if (!collectedServices.includes(service as ServiceName)) {
      throw new UserError(
        `--services: "${service}" is not collected; choose from ${collectedServices.join(', ')}`,
      );
    }
  }
  return services as ServiceName[];
}

function parseAccounts(value: string | undefined, org: boolean): string[] | undefined {
  const accounts = list(value);
  if (accounts === undefined) return undefined;
  if (!org)
    throw new UserError('--accounts limits --org: add --org, or name profiles with --profile');
  for (const account of accounts) {
    if (!/^\d{12}$/.test(account)) {
      throw new UserError(`--accounts: "${account}" is not a 12-digit account id`);
    }
  }
  return accounts;
}

function defaultFolder(): string {
  return `lateral-evidence-${new Date().toISOString().replace(/[:.]/g, '-')}`;
}

/**
 * Redraws one line per account on a terminal (stderr), at most ten times a second; the final
 * state is drawn by `finish`.
 */
function terminalProgress(): { update(tally: CollectTally): void; finish(): void } {
  let drawn = 0;
  let lastDraw = 0;
  let latest: CollectTally | undefined;
  const draw = () => {
    if (latest === undefined) return;
    const width = process.stderr.columns ?? 120;
    const lines = progressLines(latest).map((line) => line.slice(0, width - 1));
    const up = drawn > 0 ? `\u001b[${drawn}F` : '';
    process.stderr.write(`${up}${lines.map((line) => `\u001b[2K${line}`).join('\n')}\n`);
    drawn = lines.length;
    lastDraw = Date.now();
  };
  return {
    update(tally) {
      latest = tally;
      if (Date.now() - lastDraw >= 100) draw();
    },
    finish: draw,
  };
}

function printSummary(tally: CollectTally, folder: string, complete: boolean): void {
  const table = new Table({ head: [...summaryHeader], style: { head: [], border: [] } });
  for (const row of summaryRows(tally)) table.push(row);
  console.log(table.toString());
  console.log(
    `${tally.totalCalls} API calls. Evidence folder: ${folder}` +
      (complete ? '' : ' (incomplete: collection was interrupted)'),
  );
  const gaps = tally.gaps;
  if (gaps.length === 0) return;
  console.log(`\nNot collected (${gaps.length}):`);
  for (const gap of gaps.slice(0, 50)) console.log(`  ${gapLine(gap)}`);
  if (gaps.length > 50) console.log(`  ... and ${gaps.length - 50} more, in manifest.json`);
}

async function importFolder(
  folder: string,
  options: CollectCommandOptions,
  logger: ReturnType<typeof consoleLogger>,
): Promise<ImportReport> {
  const store = await openStoreFromOptions(options, logger);
  try {
    return await importEvidence(store, [folder], { logger });
  } finally {
    await store.close();
  }
}

/** `lateral collect`: live collection from AWS into an evidence folder, then import. */
export function registerCollectCommand(program: Command): void {
  const command = program
    .command('collect')
    .description('collect live from AWS (one account, several profiles, or an organization)')
    .option('--profile <names>', 'named profiles (comma-separated): one account each')
    .option('--org', "list the organization's active accounts and assume --role-name in each")
    .option(
      '--role-name <name>',
      'role assumed in member accounts',
      'OrganizationAccountAccessRole',
    )
    .option('--accounts <ids>', 'with --org: only these account ids (comma-separated)')
    .option('--regions <all|list>', 'regions to collect (default: all enabled in each account)')
    .option('--services <list>', `services to collect (${collectedServices.join(', ')})`)
    .option(
      '--endpoint-url <url>',
      'an AWS-compatible endpoint for every call (or AWS_ENDPOINT_URL)',
    )
    .option('--home-region <region>', 'region for global calls (default: the profile region)')
    .option('--out <folder>', 'evidence folder to write (default: lateral-evidence-<time>)')
    .option('--no-import', 'stop after collecting; import later with `lateral import <folder>`')
    .option('--include-secrets', 'keep Lambda environment values and instance user data')
    .option('--concurrency <n>', 'calls in flight overall', '64')
    .option('--max-per-account <n>', 'calls in flight per account', '32')
    .option('--max-per-region <n>', 'calls in flight per account and region', '8')
    .option('--max-per-service <n>', 'calls in flight per account, region and service', '4')
    .option('--accounts-at-once <n>', 'accounts collected at the same time', '16')
    .option(
      '--max-attempts <n>',
      'attempts per call (adaptive retry backs off on throttling)',
      '10',
    )
    .option('--timeout <seconds>', 'per HTTP request, before a retry', '30')
    .option('-q, --quiet', 'no progress')
    .option('--json', 'print a machine-readable summary on stdout')
    .option('-v, --verbose', 'log every failed call as it happens');
  addStoreOptions(command);
  command.action(async (options: CollectCommandOptions) => {
    const org = options.org === true;
    const folder = resolve(options.out ?? defaultFolder());
    const logger = consoleLogger({ verbose: options.verbose, quiet: !options.verbose });
    const showProgress = process.stderr.isTTY === true && options.quiet !== true && !options.json;
    const progress = showProgress ? terminalProgress() : undefined;
    // Node 20 is supported by lateral; the SDK's notice about its future minimum is noise here.
    process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

    const interrupt = new AbortController();
    const onSigint = () => {
      if (interrupt.signal.aborted) process.exit(130);
      process.stderr.write(
        '\nInterrupted: finishing the evidence folder (press Ctrl-C again to quit at once)\n',
      );
      interrupt.abort();
    };
    const accounts = parseAccounts(options.accounts, org);
    const services = parseServices(options.services);
    const settings = {
      out: folder,
      profiles: list(options.profile) ?? [],
      org,
      roleName: options.roleName,
      ...(accounts === undefined ? {} : { accounts }),
      regions: parseRegions(options.regions),
      ...(services === undefined ? {} : { services }),
      ...(options.endpointUrl === undefined ? {} : { endpointUrl: options.endpointUrl }),
      ...(options.homeRegion === undefined ? {} : { homeRegion: options.homeRegion }),
      includeSecrets: options.includeSecrets === true,
      maxAttempts: positive('max-attempts', options.maxAttempts),
      requestTimeoutMs: positive('timeout', options.timeout) * 1000,
      limits: {
        total: positive('concurrency', options.concurrency),
        perAccount: positive('max-per-account', options.maxPerAccount),
        perRegion: positive('max-per-region', options.maxPerRegion),
        perService: positive('max-per-service', options.maxPerService),
      },
      accountsAtOnce: positive('accounts-at-once', options.accountsAtOnce),
      toolVersion: lateralVersion,
      logger,
    };
    process.on('SIGINT', onSigint);
    let result;
    try {
      result = await collectEvidence({
        ...settings,
        signal: interrupt.signal,
        ...(progress === undefined ? {} : { onProgress: (tally) => progress.update(tally) }),
      });
    } catch (error) {
      if (error instanceof CollectSetupError) throw new UserError(error.message);
      throw error;
    } finally {
      process.off('SIGINT', onSigint);
      progress?.finish();
    }

    const summary = jsonSummary(result.tally, folder, result.complete);
    if (!options.json) printSummary(result.tally, folder, result.complete);
    if (!result.complete) {
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      throw new UserError(
        `collection interrupted: ${folder} holds what was collected, marked incomplete; ` +
          `import it with \`lateral import ${folder}\``,
        130,
      );
    }
    if (!options.import) {
      if (options.json) console.log(JSON.stringify(summary, null, 2));
      else console.log(`Not imported (--no-import): run \`lateral import ${folder}\``);
      return;
    }
    const report = await importFolder(folder, options, logger);
    if (options.json) {
      console.log(JSON.stringify({ ...summary, import: report }, null, 2));
      return;
    }
    console.log(
      report.outcome === 'unchanged'
        ? `Nothing new: this evidence was already imported as snapshot ${report.snapshotId}.`
        : `Imported snapshot ${report.snapshotId}: ${report.sourceCount} evidence files, ` +
            `${report.accounts.length} accounts. Explore with \`lateral serve\`.`,
    );
  });
}

import type { Command } from 'commander';
import type { SkippedFile } from '../../evidence/evidence-document.js';
import type { ImportReport } from '../../import/import-report.js';
import { ImportRejectedError, NoEvidenceError } from '../../import/import-report.js';
import { importEvidence } from '../../import/import-evidence.js';
import { consoleLogger } from '../console-logger.js';
import {
  addStoreOptions,
  openStoreFromOptions,
  type StoreCommandOptions,
} from '../store-options.js';
import { UserError } from '../user-error.js';

interface ImportCommandOptions extends StoreCommandOptions {
  strict?: boolean;
  account?: string;
  region?: string;
  label?: string;
  json?: boolean;
  verbose?: boolean;
}

const notReadPattern = /^(?:CloudMapper's )?(\S+) is not an API lateral reads/;

/**
 * Files of APIs lateral does not read are named in one list (a CloudMapper folder has dozens);
 * every other skip gets its path and reason. `--json` has each one in full.
 */
function printSkipped(report: { skipped: readonly SkippedFile[] }): void {
  if (report.skipped.length === 0) return;
  console.log(`\nSkipped ${report.skipped.length} file${report.skipped.length === 1 ? '' : 's'}:`);
  const notRead = new Map<string, number>();
  for (const skip of report.skipped) {
    const api = notReadPattern.exec(skip.reason)?.[1];
    if (api === undefined) console.log(`  ${skip.path}\n    ${skip.reason}`);
    else notRead.set(api, (notRead.get(api) ?? 0) + 1);
  }
  if (notRead.size === 0) return;
  const files = [...notRead.values()].reduce((sum, count) => sum + count, 0);
  console.log(`  ${files} file${files === 1 ? '' : 's'} of APIs lateral does not read yet:`);
  const names = [...notRead].map(([api, count]) => (count === 1 ? api : `${api} (${count})`));
  console.log(`    ${names.join(', ')}`);
}

function printReport(report: ImportReport): void {
  if (report.outcome === 'unchanged') {
    console.log(
      `Nothing new: this evidence was already imported as snapshot ${report.snapshotId}.`,
    );
    return;
  }
  const counts = Object.entries(report.summary?.rowCounts ?? {}).filter(([, count]) => count > 0);
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  console.log(
    `Imported snapshot ${report.snapshotId}: ${report.sourceCount} evidence files, ` +
      `${report.accounts.length} account${report.accounts.length === 1 ? '' : 's'}, ${total} rows.`,
  );
  for (const [table, count] of counts.sort(([a], [b]) => a.localeCompare(b))) {
    console.log(`  ${table.padEnd(32)} ${String(count).padStart(8)}`);
  }
  printSkipped(report);
  if (report.gaps.length > 0) {
    console.log(`\nNot collected (${report.gaps.length}):`);
    for (const gap of report.gaps.slice(0, 50)) {
      const where = [gap.accountId, gap.region, gap.api].filter(Boolean).join(' ');
      console.log(`  ${where}: ${gap.errorCode}: ${gap.message}`);
    }
    if (report.gaps.length > 50) console.log(`  ... and ${report.gaps.length - 50} more`);
  }
}

/** `lateral import <path>...`: evidence in, one snapshot out. */
export function registerImportCommand(program: Command): void {
  const command = program
    .command('import')
    .description(
      'import evidence: lateral evidence folders, CloudMapper account-data folders, ' +
        'aws CLI JSON files',
    )
    .argument('<path...>', 'evidence folders or files')
    .option('--strict', 'stop at the first unusable file and leave the store unchanged')
    .option('--account <id>', 'the account of aws CLI files that cannot tell')
    .option('--region <region>', 'the region of aws CLI files of regional APIs that cannot tell')
    .option('--label <text>', 'a label for the snapshot')
    .option('--json', 'print the import report as JSON')
    .option('-v, --verbose', 'log each account as it is imported');
  addStoreOptions(command);
  command.action(async (paths: string[], options: ImportCommandOptions) => {
    const logger = consoleLogger({ verbose: options.verbose });
    const store = await openStoreFromOptions(options, logger);
    try {
      const report = await importEvidence(store, paths, {
        strict: options.strict ?? false,
        ...(options.account === undefined ? {} : { accountId: options.account }),
        ...(options.region === undefined ? {} : { region: options.region }),
        ...(options.label === undefined ? {} : { label: options.label }),
        logger,
      });
      if (options.json) console.log(JSON.stringify(report, null, 2));
      else printReport(report);
    } catch (error) {
      if (error instanceof ImportRejectedError || error instanceof NoEvidenceError) {
        if (!options.json) printSkipped(error);
        throw new UserError(error.message);
      }
      throw error;
    } finally {
      await store.close();
    }
  });
}

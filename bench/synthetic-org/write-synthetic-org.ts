import { readFile, rm, writeFile } from 'node:fs/promises';
import { EvidenceFolderWriter } from '../../src/evidence/evidence-folder-writer.js';
import { callerIdentity } from '../../src/demo/build-accounts.js';
import { EvidenceBook } from '../../src/demo/evidence-book.js';
import { IpAllocator } from '../../src/demo/ip-allocator.js';
import { buildOrganization, writeAccountEvidence } from '../../src/demo/write-account-evidence.js';
import { lateralVersion } from '../../src/version.js';
import { syntheticAccountPlan, syntheticAccounts } from './synthetic-account-plan.js';
import { shareOf, syntheticAccountId } from './synthetic-network.js';
import type { SyntheticOrgOptions } from './synthetic-options.js';

/**
 * Written beside the folder (not in it, where import would report it as an unlisted file) once
 * the folder is whole: what it was generated from.
 */
function descriptionPath(folder: string): string {
  return `${folder}.synthetic-org.json`;
}

export interface SyntheticOrgSummary {
  folder: string;
  options: SyntheticOrgOptions;
  files: number;
  bytes: number;
  /** Listed items per API across the organization, e.g. `ec2:DescribeInstances` → instances. */
  items: Record<string, number>;
  /** Whether an existing folder generated from the same options was reused. */
  reused: boolean;
}

const collectedAt = new Date('2025-06-12T14:05:00Z');

function countItems(book: EvidenceBook, accountId: string, items: Record<string, number>): void {
  // The book also holds the records of other accounts' VPCs this account peers with: not its own.
  for (const region of book.all().filter((item) => item.accountId === accountId)) {
    for (const { api, body } of region.responses()) {
      const list = Object.values(body)[0] as unknown[];
      const count =
        api === 'ec2:DescribeInstances'
          ? (list as { Instances: unknown[] }[]).reduce(
              (sum, item) => sum + item.Instances.length,
              0,
            )
          : list.length;
      items[api] = (items[api] ?? 0) + count;
    }
  }
}

/** The summary of a folder written earlier from the same options, if it is whole. */
async function existingSummary(
  folder: string,
  options: SyntheticOrgOptions,
): Promise<SyntheticOrgSummary | null> {
  try {
    const summary = JSON.parse(
      await readFile(descriptionPath(folder), 'utf8'),
    ) as SyntheticOrgSummary;
    return JSON.stringify(summary.options) === JSON.stringify(options)
      ? { ...summary, reused: true }
      : null;
  } catch {
    // No description (or an unreadable one): the folder has to be generated.
    return null;
  }
}

/**
 * Writes a large synthetic organization as a lateral evidence folder, account by account: each
 * account is built, written and dropped before the next, so memory holds one account at a time.
 * The same options give the same files. An existing folder from the same options is reused.
 */
export async function writeSyntheticOrg(
  folder: string,
  options: SyntheticOrgOptions,
  onAccount?: (index: number) => void,
): Promise<SyntheticOrgSummary> {
  const existing = await existingSummary(folder, options);
  if (existing !== null) return existing;
  await rm(folder, { recursive: true, force: true });
  await rm(descriptionPath(folder), { force: true });

  const accounts = syntheticAccounts(options);
  const firstPlan = syntheticAccountPlan(options, 0, accounts);
  const writer = new EvidenceFolderWriter({
    folder,
    toolVersion: lateralVersion,
    callerIdentity: callerIdentity(firstPlan, syntheticAccountId(options, 0)),
    startedAt: collectedAt,
  });
  const items: Record<string, number> = {};
  let bytes = 0;
  for (let index = 0; index < options.accounts; index += 1) {
    const plan = index === 0 ? firstPlan : syntheticAccountPlan(options, index, accounts);
    const book = new EvidenceBook();
    // Public addresses are handed out per account from disjoint ranges.
    const perAccount =
      shareOf(options.instances, options.accounts, 0) +
      shareOf(options.vpcs, options.accounts, 0) +
      10;
    buildOrganization(plan, book, new IpAllocator(options.seed, index * perAccount));
    const accountId = syntheticAccountId(options, index);
    countItems(book, accountId, items);
    const before = writer.manifest(false, null).files.length;
    await writeAccountEvidence(writer, plan, book, accountId, {
      startedAt: collectedAt,
      endedAt: collectedAt,
    });
    for (const file of writer.manifest(false, null).files.slice(before)) bytes += file.bytes;
    onAccount?.(index);
  }
  const manifest = await writer.writeManifest(true);
  const summary: SyntheticOrgSummary = {
    folder,
    options,
    files: manifest.files.length,
    bytes,
    items,
    reused: false,
  };
  await writeFile(descriptionPath(folder), `${JSON.stringify(summary, null, 2)}\n`);
  return summary;
}

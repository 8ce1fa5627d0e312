import { discoverEvidence } from '../evidence/discover-evidence.js';
import type {
  CoverageGap,
  EvidenceDocument,
  SkippedFile,
  SourceFile,
} from '../evidence/evidence-document.js';
import { EvidenceError } from '../evidence/evidence-error.js';
import type {
  EvidenceFileRef,
  EvidenceInventory,
  LoadedEvidenceFile,
} from '../evidence/evidence-inventory.js';
import { readEvidenceFile } from '../evidence/read-evidence-file.js';
import { deriveGraph } from '../graph/derive-graph.js';
import { silentLogger, type Logger } from '../log/logger.js';
import { tableRegistry } from '../schema/table-registry.js';
import type { SnapshotWriter } from '../store/snapshot.js';
import { beginSnapshot, findSnapshotByDigest } from '../store/snapshot-writer.js';
import type { Store } from '../store/store.js';
import { evidenceDigest } from './evidence-digest.js';
import { ImportRejectedError, NoEvidenceError, type ImportReport } from './import-report.js';
import { writeAccountTables } from './write-account-tables.js';

export interface ImportOptions {
  /** Stop at the first unusable file and leave the store unchanged. */
  strict?: boolean;
  /** The account of loose aws CLI files that cannot tell. */
  accountId?: string;
  /** The region of loose aws CLI files of regional APIs that cannot tell. */
  region?: string;
  label?: string;
  logger?: Logger;
}

interface AccountEvidence {
  sources: SourceFile[];
  documents: EvidenceDocument[];
  skipped: SkippedFile[];
  gaps: CoverageGap[];
}

function groupByAccount(inventory: EvidenceInventory): Map<string, EvidenceFileRef[]> {
  const groups = new Map<string, EvidenceFileRef[]>();
  for (const ref of inventory.files) {
    const group = groups.get(ref.accountId) ?? [];
    group.push(ref);
    groups.set(ref.accountId, group);
  }
  return groups;
}

function loadedByAccount(loaded: readonly LoadedEvidenceFile[]): Map<string, LoadedEvidenceFile[]> {
  const groups = new Map<string, LoadedEvidenceFile[]>();
  for (const file of loaded) {
    for (const accountId of new Set(file.documents.map((document) => document.accountId))) {
      const group = groups.get(accountId) ?? [];
      group.push(file);
      groups.set(accountId, group);
    }
  }
  return groups;
}

/** A file that could not be read is a gap of the scope it would have filled. */
function gapOfSkippedRef(ref: EvidenceFileRef, reason: string): CoverageGap {
  return {
    accountId: ref.accountId,
    region: ref.region,
    service: ref.api.split(':')[0] ?? null,
    api: ref.api,
    errorCode: 'UnusableEvidence',
    message: reason,
    source: ref.path,
  };
}

async function readAccount(
  accountId: string,
  refs: readonly EvidenceFileRef[],
  loaded: readonly LoadedEvidenceFile[],
  strict: boolean,
): Promise<AccountEvidence> {
  const evidence: AccountEvidence = { sources: [], documents: [], skipped: [], gaps: [] };
  for (const ref of refs) {
    try {
      const file = await readEvidenceFile(ref);
      evidence.sources.push(file.source);
      evidence.documents.push(...file.documents);
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
      if (strict) throw new ImportRejectedError([{ path: ref.path, reason: error.message }]);
      evidence.skipped.push({ path: ref.path, reason: error.message });
      evidence.gaps.push(gapOfSkippedRef(ref, error.message));
    }
  }
  for (const file of loaded) {
    evidence.documents.push(
      ...file.documents.filter((document) => document.accountId === accountId),
    );
  }
  return evidence;
}

/**
 * Imports evidence into the store as one snapshot, in one transaction: all of it lands, or none.
 * Accounts are read one at a time, so memory holds one account's evidence, and the next account
 * is read while the current one is written (parsing runs here, Postgres in its own thread).
 */
export async function importEvidence(
  store: Store,
  paths: readonly string[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const logger = options.logger ?? silentLogger;
  const strict = options.strict ?? false;
  const discoverOptions = {
    ...(options.accountId === undefined ? {} : { accountId: options.accountId }),
    ...(options.region === undefined ? {} : { region: options.region }),
  };
  const inventory = await discoverEvidence(paths, discoverOptions);
  if (inventory.files.length === 0 && inventory.loaded.length === 0) {
    throw new NoEvidenceError(paths, inventory.skipped);
  }
  if (strict && inventory.skipped.length > 0) throw new ImportRejectedError(inventory.skipped);

  const digest = await evidenceDigest(inventory, discoverOptions);
  const existing = await findSnapshotByDigest(store, digest);
  const refsByAccount = groupByAccount(inventory);
  const loadedGroups = loadedByAccount(inventory.loaded);
  const accounts = [...new Set([...refsByAccount.keys(), ...loadedGroups.keys()])].sort();
  if (existing !== undefined) {
    logger.info('evidence already imported', { snapshot: existing.id });
    return {
      outcome: 'unchanged',
      snapshotId: existing.id,
      sourceCount: inventory.files.length + inventory.loaded.length,
      skipped: inventory.skipped,
      gaps: inventory.gaps,
      accounts,
    };
  }

  const writer = await beginSnapshot(store, {
    evidenceDigest: digest,
    ...(options.label === undefined ? {} : { label: options.label }),
    sources: inventory.loaded.map((file) => file.source),
    skipped: inventory.skipped,
    gaps: inventory.gaps,
  });
  try {
    const report = await writeAccounts(
      writer,
      accounts,
      refsByAccount,
      loadedGroups,
      strict,
      logger,
    );
    await deriveGraph(writer.session, { logger, accountNames: inventory.accountNames });
    const summary = await writer.commit();
    return {
      outcome: 'created',
      snapshotId: writer.snapshotId,
      summary,
      sourceCount: inventory.loaded.length + report.sourceCount,
      skipped: [...inventory.skipped, ...report.skipped],
      gaps: [...inventory.gaps, ...report.gaps],
      accounts,
    };
  } catch (error) {
    await writer.rollback();
    throw error;
  }
}

async function writeAccounts(
  writer: SnapshotWriter,
  accounts: readonly string[],
  refsByAccount: ReadonlyMap<string, EvidenceFileRef[]>,
  loadedGroups: ReadonlyMap<string, LoadedEvidenceFile[]>,
  strict: boolean,
  logger: Logger,
): Promise<{ sourceCount: number; skipped: SkippedFile[]; gaps: CoverageGap[] }> {
  const totals = { sourceCount: 0, skipped: [] as SkippedFile[], gaps: [] as CoverageGap[] };
  const read = (accountId: string): Promise<AccountEvidence> =>
    readAccount(
      accountId,
      refsByAccount.get(accountId) ?? [],
      loadedGroups.get(accountId) ?? [],
      strict,
    );
  let next = accounts[0] === undefined ? undefined : read(accounts[0]);
  for (let index = 0; index < accounts.length; index += 1) {
    const accountId = accounts[index] as string;
    const evidence = await (next as Promise<AccountEvidence>);
    const following = accounts[index + 1];
    next = following === undefined ? undefined : read(following);
    // A rejected read of the next account must not go unobserved while this one is written.
    next?.catch(() => undefined);

    const mapping = writeAccountTables(
      writer,
      accountId,
      evidence.documents,
      tableRegistry,
      strict,
    );
    const result = await mapping;
    await writer.recordFiles(
      evidence.sources,
      [...evidence.skipped, ...result.skipped],
      [...evidence.gaps, ...result.gaps],
    );
    totals.sourceCount += evidence.sources.length;
    totals.skipped.push(...evidence.skipped, ...result.skipped);
    totals.gaps.push(...evidence.gaps, ...result.gaps);
    logger.debug('account imported', { account: accountId, rows: result.rowCount });
  }
  return totals;
}

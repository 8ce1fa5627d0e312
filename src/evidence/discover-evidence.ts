import { lstat, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { readAwsCliFile, type LooseFileResult } from './aws-cli-file-reader.js';
import {
  isCloudMapperAccountFolder,
  isCloudMapperCallFile,
  readCloudMapperFolder,
} from './cloudmapper-folder-reader.js';
import type { DiscoverOptions, EvidenceInventory } from './evidence-inventory.js';
import { emptyFolderReadResult, errorCode, type FolderReadResult } from './folder-read-result.js';
import { isRegionName } from './infer-origin.js';
import { readLateralFolder } from './lateral-folder-reader.js';
import { manifestFileName } from './manifest.js';
import type { JsonLimits } from './read-json.js';
import { defaultWalkLimits, walkFiles, type WalkLimits } from './walk-files.js';

/** Bounds on discovery, for tests and unusual evidence; the defaults suit real collections. */
export interface DiscoverLimits {
  json?: Partial<JsonLimits>;
  walk?: Partial<WalkLimits>;
}

interface Context {
  options: DiscoverOptions;
  json: Partial<JsonLimits>;
  walk: WalkLimits;
}

/** Loose files are small and many: a few are read at a time. */
const looseReadConcurrency = 8;

export const noEvidenceReason =
  'holds no evidence lateral reads: no manifest.json (lateral evidence folder), no CloudMapper ' +
  'account folder, and no aws CLI output of an API lateral reads';

const jsonFilePattern = /\.json(?:\.gz)?$/i;

async function isFile(path: string): Promise<boolean> {
  try {
    return (await lstat(path)).isFile();
  } catch {
    return false;
  }
}

async function readLooseFiles(
  paths: readonly string[],
  context: Context,
): Promise<LooseFileResult[]> {
  const results: LooseFileResult[] = new Array<LooseFileResult>(paths.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < paths.length) {
      const index = next;
      next += 1;
      results[index] = await readAwsCliFile(paths[index] as string, context.options, context.json);
    }
  };
  await Promise.all(Array.from({ length: looseReadConcurrency }, worker));
  return results;
}

function addLoose(result: FolderReadResult, loose: readonly LooseFileResult[]): void {
  for (const item of loose) {
    if ('loaded' in item) result.loaded.push(item.loaded);
    else result.skipped.push(item.skipped);
  }
}

function merge(into: FolderReadResult, from: FolderReadResult): void {
  into.files.push(...from.files);
  into.loaded.push(...from.loaded);
  into.skipped.push(...from.skipped);
  into.gaps.push(...from.gaps);
  for (const [account, name] of from.accountNames) into.accountNames.set(account, name);
}

/** The folders inside a walk that are evidence folders of their own, outermost only. */
function nestedEvidenceFolders(files: readonly string[]): {
  lateral: string[];
  cloudMapper: string[];
} {
  const lateral = new Set<string>();
  const cloudMapper = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    if (parts[parts.length - 1] === manifestFileName) lateral.add(parts.slice(0, -1).join('/'));
    const region = parts[parts.length - 2];
    const name = parts[parts.length - 1] ?? '';
    if (parts.length >= 3 && region !== undefined && isRegionName(region)) {
      if (isCloudMapperCallFile(name)) cloudMapper.add(parts.slice(0, -2).join('/'));
    }
  }
  const all = [...lateral, ...cloudMapper].sort();
  const outermost = (folder: string): boolean =>
    !all.some((other) => other !== folder && folder.startsWith(`${other}/`));
  return {
    lateral: [...lateral].filter(outermost),
    cloudMapper: [...cloudMapper].filter((folder) => outermost(folder) && !lateral.has(folder)),
  };
}

/**
 * A folder that is neither a lateral nor a CloudMapper folder: every .json and .json.gz file in
 * it is read as a loose aws CLI output file, and evidence folders inside it as what they are.
 */
async function readPlainFolder(folder: string, context: Context): Promise<FolderReadResult> {
  const result = emptyFolderReadResult();
  const walk = await walkFiles(folder, context.walk);
  result.skipped.push(...walk.skipped);
  const nested = nestedEvidenceFolders(walk.files);
  const roots = [...nested.lateral, ...nested.cloudMapper];
  const inRoot = (file: string): boolean => roots.some((root) => file.startsWith(`${root}/`));
  for (const root of nested.lateral) {
    merge(result, await readLateralFolder(join(folder, root), context.walk));
  }
  for (const root of nested.cloudMapper) {
    const path = join(folder, root);
    // A given account can only mean the one CloudMapper folder there is.
    const accountId = nested.cloudMapper.length === 1 ? context.options.accountId : undefined;
    merge(result, await readCloudMapperFolder(path, accountId, context.walk));
  }
  const loose: string[] = [];
  const configs = new Set(
    nested.cloudMapper.flatMap((root) => {
      const index = root.lastIndexOf('account-data/');
      return index === -1 ? [] : [`${root.slice(0, index)}config.json`];
    }),
  );
  for (const file of walk.files) {
    if (inRoot(file)) continue;
    if (configs.has(file)) {
      result.skipped.push({
        path: join(folder, file),
        reason: "is CloudMapper's config: read only for the names of its accounts",
      });
    } else if (jsonFilePattern.test(file)) loose.push(join(folder, file));
    else {
      result.skipped.push({
        path: join(folder, file),
        reason: 'is not a .json or .json.gz file: lateral reads aws CLI JSON output',
      });
    }
  }
  addLoose(result, await readLooseFiles(loose, context));
  if (result.files.length === 0 && result.loaded.length === 0) {
    result.skipped.push({ path: folder, reason: noEvidenceReason });
  }
  return result;
}

async function readPath(path: string, context: Context): Promise<FolderReadResult> {
  const result = emptyFolderReadResult();
  let stats;
  try {
    stats = await stat(path);
  } catch (error) {
    const code = errorCode(error);
    result.skipped.push({
      path,
      reason: code === 'ENOENT' ? 'does not exist: check the path' : `cannot be read (${code})`,
    });
    return result;
  }
  if (stats.isFile() && basename(path) === manifestFileName) {
    return readLateralFolder(dirname(path), context.walk);
  }
  if (stats.isFile()) {
    addLoose(result, [await readAwsCliFile(path, context.options, context.json)]);
    return result;
  }
  if (!stats.isDirectory()) {
    result.skipped.push({ path, reason: 'is neither a file nor a folder' });
    return result;
  }
  if (await isFile(join(path, manifestFileName))) return readLateralFolder(path, context.walk);
  if (await isCloudMapperAccountFolder(path)) {
    return readCloudMapperFolder(path, context.options.accountId, context.walk);
  }
  return readPlainFolder(path, context);
}

/**
 * Finds the evidence under the paths a user named: lateral's evidence folders (by their
 * manifest.json), CloudMapper account folders (or the account-data folder holding several), and
 * loose aws CLI output files, single or in folders. Files of known account, region and API are
 * listed to be read later; loose files are read now to learn what they hold. Everything not
 * used is in `skipped` with its reason; a path with no evidence at all is skipped itself, and
 * the inventory then has no `files` and no `loaded`.
 */
export async function discoverEvidence(
  paths: readonly string[],
  options: DiscoverOptions = {},
  limits: DiscoverLimits = {},
): Promise<EvidenceInventory> {
  const context: Context = {
    options,
    json: limits.json ?? {},
    walk: { ...defaultWalkLimits, ...limits.walk },
  };
  const total = emptyFolderReadResult();
  for (const path of paths) merge(total, await readPath(path, context));
  return {
    files: total.files,
    loaded: total.loaded,
    skipped: total.skipped,
    gaps: total.gaps,
    accountNames: total.accountNames,
  };
}

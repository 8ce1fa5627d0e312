import { readdir } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { ApiSpec } from './api-catalog.js';
import { specByCloudMapperName } from './api-file-names.js';
import { EvidenceError } from './evidence-error.js';
import type { EvidenceFileRef } from './evidence-inventory.js';
import { emptyFolderReadResult, type FolderReadResult } from './folder-read-result.js';
import { isRegionName } from './infer-origin.js';
import { readJsonFile } from './read-json.js';
import { walkFiles, type WalkLimits } from './walk-files.js';

/**
 * CloudMapper's account folder (`cloudmapper collect`): `account-data/<account name>/` holding
 * `describe-regions.json` and one folder per region, with `<service>-<subcommand>.json` for list
 * calls and `<service>-<subcommand>/<url-encoded id>` (no extension) for per-resource calls.
 * CloudMapper writes global calls (IAM, S3's bucket list) into a region folder too.
 */

const configLimits = { maxFileBytes: 16 * 1024 * 1024 };
const accountPattern = /^\d{12}$/;

/**
 * A list-call file as CloudMapper names it, of a call lateral reads (`ec2-describe-vpcs.json`):
 * enough to tell CloudMapper's folder from aws CLI output sorted into region folders.
 */
export function isCloudMapperCallFile(name: string): boolean {
  return name.endsWith('.json') && specByCloudMapperName(name.slice(0, -5)) !== undefined;
}

/** True when `folder` has a region folder holding a CloudMapper call file. */
export async function isCloudMapperAccountFolder(folder: string): Promise<boolean> {
  let entries;
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch {
    return false;
  }
  for (const entry of entries) {
    if (!entry.isDirectory() || !isRegionName(entry.name)) continue;
    try {
      const names = await readdir(join(folder, entry.name));
      if (names.some(isCloudMapperCallFile)) return true;
    } catch {
      continue;
    }
  }
  return false;
}

interface ConfigAccount {
  id: string;
  name: string;
}

/** CloudMapper's config.json beside account-data names the accounts: `{accounts: [{id, name}]}`. */
async function readConfigAccounts(folder: string): Promise<ConfigAccount[]> {
  const parent = dirname(folder);
  if (basename(parent) !== 'account-data') return [];
  try {
    const { value } = await readJsonFile(join(dirname(parent), 'config.json'), configLimits);
    const accounts = (value as { accounts?: unknown } | null)?.accounts;
    if (!Array.isArray(accounts)) return [];
    return accounts.flatMap((account: unknown) => {
      const { id, name } = (account ?? {}) as { id?: unknown; name?: unknown };
      return typeof id === 'string' && accountPattern.test(id) && typeof name === 'string'
        ? [{ id, name }]
        : [];
    });
  } catch (error) {
    if (error instanceof EvidenceError) return [];
    throw error;
  }
}

/** The account in the folder's sts-get-caller-identity.json, if one is readable. */
async function callerAccount(
  folder: string,
  files: readonly string[],
): Promise<string | undefined> {
  for (const file of files.filter((path) => path.endsWith('/sts-get-caller-identity.json'))) {
    try {
      const { value } = await readJsonFile(join(folder, file), configLimits);
      const account = (value as { Account?: unknown } | null)?.Account;
      if (typeof account === 'string' && accountPattern.test(account)) return account;
    } catch (error) {
      if (!(error instanceof EvidenceError)) throw error;
    }
  }
  return undefined;
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

type FilePlace = { spec: ApiSpec; region: string; resourceId?: string } | { reason: string };

/** Where a file sits in CloudMapper's layout says which call it holds. */
function placeOf(relative: string): FilePlace {
  const parts = relative.split('/');
  const [first, second, third] = parts;
  if (parts.length === 1) {
    const spec = specByCloudMapperName('ec2-describe-regions');
    if (relative === 'describe-regions.json' && spec !== undefined) {
      return { spec, region: 'global' };
    }
    return { reason: "is not part of CloudMapper's account folder layout" };
  }
  if (first === undefined || !isRegionName(first)) {
    return { reason: `is not in a region folder: not part of CloudMapper's layout` };
  }
  const callName = (second ?? '').replace(/\.json$/, '');
  const spec = specByCloudMapperName(callName);
  if (spec === undefined) {
    return { reason: `CloudMapper's ${callName} is not an API lateral reads yet` };
  }
  const region = spec.scope === 'global' ? 'global' : first;
  if (parts.length === 2 && !spec.perResource && second?.endsWith('.json')) {
    return { spec, region };
  }
  if (parts.length === 3 && spec.perResource && third !== undefined) {
    return { spec, region, resourceId: decodeName(third) };
  }
  return { reason: `is not where CloudMapper writes ${callName}: not read` };
}

/**
 * Lists the evidence in one CloudMapper account folder. The account comes from the folder's
 * sts-get-caller-identity.json, else from CloudMapper's config.json (the entry named like the
 * folder), else from `accountId`; without any, the whole folder is skipped.
 */
export async function readCloudMapperFolder(
  folder: string,
  accountId: string | undefined,
  walkLimits: WalkLimits,
): Promise<FolderReadResult> {
  const result = emptyFolderReadResult();
  const walk = await walkFiles(folder, walkLimits);
  result.skipped.push(...walk.skipped);
  const config = await readConfigAccounts(folder);
  const folderName = basename(folder);
  const account =
    (await callerAccount(folder, walk.files)) ??
    config.find((entry) => entry.name === folderName)?.id ??
    accountId;
  if (account === undefined) {
    result.skipped.push({
      path: folder,
      reason:
        'cannot tell which account this CloudMapper folder belongs to (no readable ' +
        `sts-get-caller-identity.json, no config.json entry named ${folderName}): ` +
        'pass --account',
    });
    return result;
  }
  const name = config.find((entry) => entry.id === account)?.name ?? folderName;
  result.accountNames.set(account, name);

  // CloudMapper may write a global call into more than one region folder: the first is read.
  const seen = new Map<string, string>();
  for (const relative of walk.files) {
    const path = join(folder, relative);
    const place = placeOf(relative);
    if ('reason' in place) {
      result.skipped.push({ path, reason: place.reason });
      continue;
    }
    const key = `${place.spec.id}|${place.region}|${place.resourceId ?? ''}`;
    const first = seen.get(key);
    if (first !== undefined) {
      result.skipped.push({
        path,
        reason: `holds ${place.spec.id} again (${place.region}), already read from ${first}`,
      });
      continue;
    }
    seen.set(key, path);
    const ref: EvidenceFileRef = {
      path,
      layout: 'cloudmapper',
      accountId: account,
      region: place.region,
      api: place.spec.id,
      ...(place.resourceId === undefined ? {} : { resourceId: place.resourceId }),
    };
    result.files.push(ref);
  }
  return result;
}

import { lstat } from 'node:fs/promises';
import { join } from 'node:path';
import { findApiSpec } from './api-catalog.js';
import { skipReason } from './aws-cli-file-reader.js';
import { EvidenceError, parseEvidence } from './evidence-error.js';
import { emptyFolderReadResult, errorCode, type FolderReadResult } from './folder-read-result.js';
import { isRegionName } from './infer-origin.js';
import { manifestFileName, manifestSchema, type Manifest, type ManifestFile } from './manifest.js';
import { readJsonFile } from './read-json.js';
import { walkFiles, type WalkLimits } from './walk-files.js';

const accountPattern = /^\d{12}$/;
const manifestLimits = { maxFileBytes: 256 * 1024 * 1024 };

/** A manifest path must stay inside the folder: relative, forward slashes, no `..`. */
function isSafeRelativePath(path: string): boolean {
  if (path === '' || path.startsWith('/') || path.includes('\\') || path.includes('\0')) {
    return false;
  }
  return path.split('/').every((part) => part !== '' && part !== '.' && part !== '..');
}

/** Why a manifest entry cannot be used, or undefined when it can. */
function entryProblem(entry: ManifestFile): string | undefined {
  if (!isSafeRelativePath(entry.path)) {
    return 'is listed in the manifest with a path that leaves the evidence folder: not read';
  }
  const spec = findApiSpec(entry.api);
  if (spec === undefined) return `is listed as ${entry.api}, which is not an API lateral reads`;
  if (!accountPattern.test(entry.accountId)) {
    return 'is listed in the manifest with an account id that is not 12 digits: not read';
  }
  if (spec.scope === 'global' ? entry.region !== 'global' : !isRegionName(entry.region)) {
    return (
      `is listed in the manifest with region that does not fit ${spec.id} ` +
      `(${spec.scope === 'global' ? 'a global call: expected global' : 'expected a region name'})`
    );
  }
  return undefined;
}

async function readManifest(folder: string): Promise<Manifest> {
  const path = join(folder, manifestFileName);
  const { value } = await readJsonFile(path, manifestLimits);
  return parseEvidence(manifestSchema, value, path);
}

/**
 * Lists the evidence in lateral's evidence folder (docs/evidence-folder.md) from its manifest:
 * every listed file with the hash and size it must have, the manifest's failures as gaps, and
 * an interrupted collection as a gap. A manifest that cannot be read skips the whole folder;
 * files the manifest does not list are skipped, and so are listed files that are missing.
 */
export async function readLateralFolder(
  folder: string,
  walkLimits: WalkLimits,
): Promise<FolderReadResult> {
  const result = emptyFolderReadResult();
  const manifestPath = join(folder, manifestFileName);
  let manifest: Manifest;
  try {
    manifest = await readManifest(folder);
  } catch (error) {
    if (!(error instanceof EvidenceError)) throw error;
    result.skipped.push({
      path: manifestPath,
      reason: `${skipReason(error)}; the whole evidence folder was skipped`,
    });
    return result;
  }
  for (const account of manifest.accounts) {
    if (account.name !== undefined) result.accountNames.set(account.accountId, account.name);
  }
  for (const failure of manifest.failures) {
    result.gaps.push({
      accountId: failure.accountId,
      region: failure.region,
      service: failure.service,
      api: failure.api,
      errorCode: failure.errorCode,
      message: failure.message,
      source: manifestPath,
    });
  }
  if (!manifest.complete) {
    result.gaps.push({
      accountId: null,
      region: null,
      service: null,
      api: null,
      errorCode: 'CollectionInterrupted',
      message:
        'collection was interrupted (the manifest says complete: false): what it lists is ' +
        'whole, anything it does not list was not collected',
      source: manifestPath,
    });
  }

  const listed = new Set<string>();
  for (const entry of manifest.files) {
    const path = isSafeRelativePath(entry.path) ? join(folder, entry.path) : manifestPath;
    const problem = entryProblem(entry);
    if (problem !== undefined) {
      result.skipped.push({ path, reason: problem });
      continue;
    }
    if (listed.has(entry.path)) {
      result.skipped.push({ path, reason: 'is listed twice in the manifest: read once' });
      continue;
    }
    listed.add(entry.path);
    try {
      const stats = await lstat(path);
      if (!stats.isFile()) {
        result.skipped.push({
          path,
          reason: 'is listed in the manifest but is not a regular file',
        });
        continue;
      }
    } catch (error) {
      const missing = errorCode(error) === 'ENOENT';
      result.skipped.push({
        path,
        reason: missing
          ? 'is listed in the manifest but missing: the folder is incomplete; copy the whole ' +
            'evidence folder, or collect again'
          : `is listed in the manifest but cannot be read (${errorCode(error)})`,
      });
      continue;
    }
    result.files.push({
      path,
      layout: 'lateral',
      accountId: entry.accountId,
      region: entry.region,
      api: entry.api as `${string}:${string}`,
      ...(entry.resourceId === undefined ? {} : { resourceId: entry.resourceId }),
      expectedSha256: entry.sha256,
      expectedBytes: entry.bytes,
    });
  }

  const walk = await walkFiles(folder, walkLimits);
  result.skipped.push(...walk.skipped);
  for (const relative of walk.files) {
    if (relative === manifestFileName || listed.has(relative)) continue;
    result.skipped.push({
      path: join(folder, relative),
      reason: relative.endsWith('.partial')
        ? 'was left by an interrupted write: not read'
        : 'is in the evidence folder but not listed in its manifest: not read (it was not ' +
          'part of the collection, or was added after it)',
    });
  }
  return result;
}

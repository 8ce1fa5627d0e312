import { basename, dirname } from 'node:path';
import type { ApiSpec } from './api-catalog.js';
import type { SkippedFile } from './evidence-document.js';
import { EvidenceError } from './evidence-error.js';
import type { DiscoverOptions, LoadedEvidenceFile } from './evidence-inventory.js';
import { inferOrigin, isRegionName, type Inferred } from './infer-origin.js';
import { readJsonFile, type JsonFile, type JsonLimits } from './read-json.js';
import { recognizeApi } from './shape-recognition.js';

/** A loose file read: what it holds, or why it was not imported. */
export type LooseFileResult = { loaded: LoadedEvidenceFile } | { skipped: SkippedFile };

/** The reason an EvidenceError gives, without the path (a SkippedFile carries that). */
export function skipReason(error: EvidenceError): string {
  return error.jsonPath === undefined ? error.problem : `at ${error.jsonPath}: ${error.problem}`;
}

type Decision = { value: string } | { reason: string };

function decideAccount(file: string, inferred: Inferred, given: string | undefined): Decision {
  if (inferred.kind === 'one') {
    if (given === undefined || given === inferred.value) return { value: inferred.value };
    return {
      reason:
        `its resources belong to account ${inferred.value}, not ${given} given with ` +
        '--account: import it without --account, or separately',
    };
  }
  if (inferred.kind === 'several') {
    if (given !== undefined && inferred.values.includes(given)) return { value: given };
    return {
      reason:
        `it lists resources of ${inferred.values.length} accounts ` +
        `(${inferred.values.join(', ')}): pass --account with the one that made the call`,
    };
  }
  if (given !== undefined) return { value: given };
  return { reason: `cannot tell which account ${file} belongs to: pass --account` };
}

function decideRegion(
  file: string,
  spec: ApiSpec,
  inferred: Inferred,
  given: string | undefined,
  folderRegion: string | undefined,
): Decision {
  if (spec.scope === 'global') return { value: 'global' };
  if (inferred.kind === 'one') {
    if (given === undefined || given === inferred.value) return { value: inferred.value };
    return {
      reason:
        `its resources are in region ${inferred.value}, not ${given} given with --region: ` +
        'import it without --region, or separately',
    };
  }
  if (inferred.kind === 'several') {
    if (given !== undefined && inferred.values.includes(given)) return { value: given };
    return {
      reason:
        `it lists resources of several regions (${inferred.values.join(', ')}); one call ` +
        'answers for one region: pass --region with the one it was made in',
    };
  }
  if (folderRegion !== undefined) return { value: folderRegion };
  if (given !== undefined) return { value: given };
  return {
    reason: `cannot tell which region ${file} (${spec.id}) was collected in: pass --region`,
  };
}

/**
 * Reads one loose aws CLI output file (plain or gzip), recognizes the API it answers and the
 * account and region it belongs to: told by its contents where they can, else by a parent
 * folder named after a region (for the region), else by `options`.
 */
export async function readAwsCliFile(
  path: string,
  options: DiscoverOptions,
  limits: Partial<JsonLimits> = {},
): Promise<LooseFileResult> {
  let json: JsonFile;
  try {
    json = await readJsonFile(path, limits);
  } catch (error) {
    if (error instanceof EvidenceError) return { skipped: { path, reason: skipReason(error) } };
    throw error;
  }
  const fileName = basename(path);
  const recognition = recognizeApi(json.value, fileName, basename(dirname(path)));
  if (!recognition.recognized) return { skipped: { path, reason: recognition.reason } };
  const { spec } = recognition;
  const origin = inferOrigin(spec.id, json.value);
  const account = decideAccount(fileName, origin.account, options.accountId);
  if ('reason' in account) return { skipped: { path, reason: account.reason } };
  // aws CLI output saved as `<region>/<file>.json` says its region by its folder.
  const folder = basename(dirname(path));
  const folderRegion = isRegionName(folder) ? folder : undefined;
  const region = decideRegion(fileName, spec, origin.region, options.region, folderRegion);
  if ('reason' in region) return { skipped: { path, reason: region.reason } };
  return {
    loaded: {
      source: { path, sha256: json.sha256, bytes: json.bytes, layout: 'aws-cli' },
      documents: [
        {
          api: spec.id,
          accountId: account.value,
          region: region.value,
          ...(recognition.resourceId === undefined ? {} : { resourceId: recognition.resourceId }),
          body: json.value,
          source: path,
        },
      ],
    },
  };
}

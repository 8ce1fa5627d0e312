import { apiSpec } from './api-catalog.js';
import { EvidenceError } from './evidence-error.js';
import type { EvidenceFileRef, LoadedEvidenceFile } from './evidence-inventory.js';
import { readJsonFile, type JsonLimits } from './read-json.js';

/**
 * Reads one evidence file found by discoverEvidence, of any layout. A file listed in a manifest
 * must have the size and sha256 the manifest recorded; the hash is over the bytes on disk.
 * Throws EvidenceError for a file that cannot be used.
 */
export async function readEvidenceFile(
  ref: EvidenceFileRef,
  limits: Partial<JsonLimits> = {},
): Promise<LoadedEvidenceFile> {
  const json = await readJsonFile(ref.path, limits);
  if (ref.expectedBytes !== undefined && json.bytes !== ref.expectedBytes) {
    throw new EvidenceError(
      ref.path,
      `changed since it was collected: it is ${json.bytes} bytes, the manifest says ` +
        `${ref.expectedBytes}; use the evidence folder as collected, or collect again`,
    );
  }
  if (ref.expectedSha256 !== undefined && json.sha256 !== ref.expectedSha256) {
    throw new EvidenceError(
      ref.path,
      'changed since it was collected: its sha256 does not match the manifest; use the ' +
        'evidence folder as collected, or collect again',
    );
  }
  const body = json.value;
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new EvidenceError(
      ref.path,
      `holds ${Array.isArray(body) ? 'a JSON array' : 'a JSON scalar'} at the top level, ` +
        `not ${ref.api} output (an object)`,
    );
  }
  const missing = apiSpec(ref.api).shapeKeys.filter((key) => !Object.hasOwn(body, key));
  if (missing.length > 0) {
    throw new EvidenceError(
      ref.path,
      `is not ${ref.api} output: it lacks the top-level key(s) ${missing.join(', ')}`,
    );
  }
  return {
    source: { path: ref.path, sha256: json.sha256, bytes: json.bytes, layout: ref.layout },
    documents: [
      {
        api: ref.api,
        accountId: ref.accountId,
        region: ref.region,
        ...(ref.resourceId === undefined ? {} : { resourceId: ref.resourceId }),
        body,
        source: ref.path,
      },
    ],
  };
}

import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ApiId } from '../evidence/api-catalog.js';
import { evidenceFilePath } from '../evidence/manifest.js';

/** One record of an aws CLI response, for code that walks written evidence. */
export type EvidenceRecord = Record<string, unknown> & {
  Tags?: { Key: string; Value: string }[];
};

/**
 * Reads the listed items of one response in an evidence folder (`Reservations` are flattened to
 * their instances): a small helper for tests and benchmarks that check what a generator wrote.
 */
export async function readEvidenceList(
  folder: string,
  accountId: string,
  region: string,
  api: ApiId,
  listKey: string,
): Promise<EvidenceRecord[]> {
  const path = join(folder, evidenceFilePath(accountId, region, api));
  const body = JSON.parse(await readFile(path, 'utf8')) as Record<string, unknown>;
  const items = (body[listKey] ?? []) as EvidenceRecord[];
  if (listKey !== 'Reservations') return items;
  return items.flatMap((reservation) => (reservation['Instances'] ?? []) as EvidenceRecord[]);
}

/** The value of a record's Name tag, or undefined. */
export function nameTag(record: EvidenceRecord): string | undefined {
  const tags = (record.Tags ?? record['TagSet'] ?? []) as { Key: string; Value: string }[];
  return tags.find((tag) => tag.Key === 'Name')?.Value;
}

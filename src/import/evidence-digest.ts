import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import type { EvidenceInventory } from '../evidence/evidence-inventory.js';
import type { DiscoverOptions } from '../evidence/evidence-inventory.js';

async function sha256OfFile(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(path)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/**
 * Identifies a set of evidence by content: the sorted sha256s of its files, plus the account and
 * region given for loose files (they change what the same bytes mean). Paths do not count, so
 * the same evidence copied elsewhere is recognized as already imported.
 */
export async function evidenceDigest(
  inventory: EvidenceInventory,
  options: DiscoverOptions,
): Promise<string> {
  const hashes: string[] = inventory.loaded.map((file) => file.source.sha256);
  for (const ref of inventory.files) {
    // A manifest's hash is checked when the file is read; trusting it here spares a second read.
    hashes.push(ref.expectedSha256 ?? (await sha256OfFile(ref.path)));
  }
  hashes.sort();
  const digest = createHash('sha256');
  digest.update(`account=${options.accountId ?? ''}\nregion=${options.region ?? ''}\n`);
  for (const hash of hashes) digest.update(`${hash}\n`);
  return digest.digest('hex');
}

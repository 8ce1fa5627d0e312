import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { manifestSchema, type Manifest } from '../../src/evidence/manifest.js';

async function walk(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split('\\').join('/'));
}

/**
 * Reads an evidence folder the way an importer must trust it: the manifest parses, every listed
 * file exists with its recorded sha256 and size, and no file lies outside the manifest.
 */
export async function checkEvidenceFolder(folder: string): Promise<{
  manifest: Manifest;
  problems: string[];
  read: (path: string) => Promise<Record<string, unknown>>;
}> {
  const manifest = manifestSchema.parse(
    JSON.parse(await readFile(join(folder, 'manifest.json'), 'utf8')),
  );
  const problems: string[] = [];
  for (const file of manifest.files) {
    const bytes = await readFile(join(folder, file.path));
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    if (sha256 !== file.sha256) problems.push(`${file.path}: sha256 differs`);
    if (bytes.length !== file.bytes) problems.push(`${file.path}: size differs`);
  }
  const listed = new Set(manifest.files.map((file) => file.path));
  for (const path of await walk(folder)) {
    if (path !== 'manifest.json' && !listed.has(path)) problems.push(`${path}: not in manifest`);
  }
  const read = async (path: string) =>
    JSON.parse(await readFile(join(folder, path), 'utf8')) as Record<string, unknown>;
  return { manifest, problems, read };
}

import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { SkippedFile } from './evidence-document.js';
import { errorCode } from './folder-read-result.js';

/** Bounds on walking a folder of evidence. */
export interface WalkLimits {
  maxFiles: number;
  maxDepth: number;
}

export const defaultWalkLimits: WalkLimits = { maxFiles: 100_000, maxDepth: 32 };

export interface WalkResult {
  /** Paths relative to the root, with forward slashes, sorted. */
  files: string[];
  skipped: SkippedFile[];
}

/**
 * Every regular file under `root`, without following symbolic links (a link could lead out of
 * the evidence, or in a loop), stopping at `maxFiles` files and `maxDepth` folders deep; what is
 * left out is named in `skipped`.
 */
export async function walkFiles(root: string, limits: WalkLimits): Promise<WalkResult> {
  const result: WalkResult = { files: [], skipped: [] };
  const pending: { relative: string; depth: number }[] = [{ relative: '', depth: 0 }];
  while (pending.length > 0) {
    const { relative, depth } = pending.shift() as { relative: string; depth: number };
    const absolute = relative === '' ? root : join(root, relative);
    let entries;
    try {
      entries = await readdir(absolute, { withFileTypes: true });
    } catch (error) {
      result.skipped.push({
        path: absolute,
        reason: `folder cannot be read (${errorCode(error)})`,
      });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      if (entry.isSymbolicLink()) {
        result.skipped.push({
          path: join(root, child),
          reason: 'is a symbolic link: not followed',
        });
      } else if (entry.isDirectory()) {
        if (depth + 1 > limits.maxDepth) {
          result.skipped.push({
            path: join(root, child),
            reason: `is more than ${limits.maxDepth} folders deep: not read`,
          });
        } else pending.push({ relative: child, depth: depth + 1 });
      } else if (entry.isFile()) {
        if (result.files.length >= limits.maxFiles) {
          result.skipped.push({
            path: root,
            reason:
              `holds more than ${limits.maxFiles} files: only the first ${limits.maxFiles} ` +
              'were read; name a narrower folder',
          });
          return result;
        }
        result.files.push(child);
      } else {
        result.skipped.push({ path: join(root, child), reason: 'is not a regular file' });
      }
    }
  }
  result.files.sort();
  return result;
}

import type { CoverageGap, SkippedFile } from './evidence-document.js';
import type { EvidenceFileRef, LoadedEvidenceFile } from './evidence-inventory.js';

/** What reading one evidence folder (of any layout) found. */
export interface FolderReadResult {
  files: EvidenceFileRef[];
  loaded: LoadedEvidenceFile[];
  skipped: SkippedFile[];
  gaps: CoverageGap[];
  accountNames: Map<string, string>;
}

export function emptyFolderReadResult(): FolderReadResult {
  return { files: [], loaded: [], skipped: [], gaps: [], accountNames: new Map() };
}

export function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'unknown error';
}

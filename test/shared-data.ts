import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * The public AWS files beside the checkout (`../shared/data`). Tests that read them skip, with
 * this note, where the folder is absent (a clone elsewhere).
 */
export const sharedDataDir = fileURLToPath(new URL('../../shared/data', import.meta.url));
export const hasSharedData = existsSync(sharedDataDir);
export const sharedDataSkipNote = `skipped: ${sharedDataDir} (public AWS test files) is absent`;

export function sharedDataPath(...parts: string[]): string {
  return [sharedDataDir, ...parts].join('/');
}

import { readdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { manifestFileName } from '../evidence/manifest.js';
import { callerIdentity } from './build-accounts.js';
import { demoOrganization } from './write-demo-evidence.js';

/** The folder holds something other than an earlier demo, and overwriting was not asked for. */
export class DemoFolderInUseError extends Error {
  override readonly name = 'DemoFolderInUseError';

  constructor(readonly folder: string) {
    super(
      `${folder} is not empty and does not hold lateral's demo evidence: choose another folder ` +
        'with --out, or pass --force to replace its manifest.json and accounts/ folder',
    );
  }
}

async function entriesOf(folder: string): Promise<string[]> {
  try {
    return await readdir(folder);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

async function holdsDemo(folder: string): Promise<boolean> {
  try {
    const manifest = JSON.parse(await readFile(join(folder, manifestFileName), 'utf8')) as {
      callerIdentity?: { Arn?: string };
    };
    const demoCaller = callerIdentity(demoOrganization, demoOrganization.managementAccountId);
    return manifest.callerIdentity?.Arn === demoCaller.Arn;
  } catch {
    // An unreadable or foreign manifest means the folder is not an earlier demo.
    return false;
  }
}

/**
 * Makes the folder ready for the demo evidence: an empty or missing folder, or an earlier demo
 * (whose files are removed, so no stale file survives next to the new manifest). Anything else
 * is refused unless `force`; even then only `manifest.json` and `accounts/` are removed.
 */
export async function prepareDemoFolder(folder: string, force: boolean): Promise<void> {
  const entries = await entriesOf(folder);
  if (entries.length === 0) return;
  if (!force && !(await holdsDemo(folder))) throw new DemoFolderInUseError(folder);
  await rm(join(folder, 'accounts'), { recursive: true, force: true });
  await rm(join(folder, manifestFileName), { force: true });
}

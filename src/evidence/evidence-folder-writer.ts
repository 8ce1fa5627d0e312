import { createHash } from 'node:crypto';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ApiId } from './api-catalog.js';
import {
  evidenceFilePath,
  manifestFileName,
  type Manifest,
  type ManifestAccount,
  type ManifestFailure,
  type ManifestFile,
} from './manifest.js';

export interface EvidenceFolderWriterOptions {
  folder: string;
  toolVersion: string;
  callerIdentity: Manifest['callerIdentity'];
  /** Defaults to now. */
  startedAt?: Date;
}

/**
 * Writes lateral's evidence folder: one file per API response, then the manifest. Every file is
 * written to a temporary name and renamed, and the manifest is rewritten after each account, so
 * an interrupted run leaves a folder whose manifest lists only whole files.
 */
export class EvidenceFolderWriter {
  private readonly files: ManifestFile[] = [];
  private readonly failures: ManifestFailure[] = [];
  private readonly accounts = new Map<string, ManifestAccount>();
  /** Folders made so far: one mkdir per folder rather than per file. */
  private readonly folders = new Map<string, Promise<unknown>>();
  private readonly startedAt: string;

  constructor(private options: EvidenceFolderWriterOptions) {
    this.startedAt = (options.startedAt ?? new Date()).toISOString();
  }

  get folder(): string {
    return this.options.folder;
  }

  /** Writes one API response (all pages merged, in the aws CLI's output shape). */
  async writeDocument(
    accountId: string,
    region: string,
    api: ApiId,
    body: unknown,
    details: { resourceId?: string; pages?: number } = {},
  ): Promise<ManifestFile> {
    const path = evidenceFilePath(accountId, region, api, details.resourceId);
    const text = `${JSON.stringify(body, null, 2)}\n`;
    const bytes = Buffer.from(text, 'utf8');
    const target = join(this.options.folder, path);
    await this.makeFolder(dirname(target));
    await writeFile(`${target}.partial`, bytes);
    await rename(`${target}.partial`, target);
    const file: ManifestFile = {
      path,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      accountId,
      region,
      api,
      ...(details.resourceId === undefined ? {} : { resourceId: details.resourceId }),
      ...(details.pages === undefined ? {} : { pages: details.pages }),
    };
    this.files.push(file);
    return file;
  }

  /**
   * Sets the caller recorded at the top of the manifest, for a collector that learns it only
   * after the folder was opened.
   */
  setCallerIdentity(callerIdentity: Manifest['callerIdentity']): void {
    this.options = { ...this.options, callerIdentity };
  }

  private makeFolder(folder: string): Promise<unknown> {
    let made = this.folders.get(folder);
    if (made === undefined) {
      made = mkdir(folder, { recursive: true });
      // A failed mkdir is tried again by the next file rather than failing it too.
      made.catch(() => this.folders.delete(folder));
      this.folders.set(folder, made);
    }
    return made;
  }

  recordFailure(failure: ManifestFailure): void {
    this.failures.push({ at: new Date().toISOString(), ...failure });
  }

  /** Adds or updates what the manifest says about an account. */
  recordAccount(account: ManifestAccount): void {
    this.accounts.set(account.accountId, { ...this.accounts.get(account.accountId), ...account });
  }

  manifest(complete: boolean, endedAt: Date | null): Manifest {
    return {
      format: 'lateral-evidence',
      formatVersion: 1,
      tool: { name: 'lateral', version: this.options.toolVersion },
      startedAt: this.startedAt,
      endedAt: endedAt === null ? null : endedAt.toISOString(),
      complete,
      callerIdentity: this.options.callerIdentity,
      accounts: [...this.accounts.values()],
      files: [...this.files],
      failures: [...this.failures],
    };
  }

  /** Writes the manifest; `complete: false` marks an interrupted collection. */
  async writeManifest(complete: boolean): Promise<Manifest> {
    const manifest = this.manifest(complete, complete ? new Date() : null);
    await mkdir(this.options.folder, { recursive: true });
    const target = join(this.options.folder, manifestFileName);
    await writeFile(`${target}.partial`, `${JSON.stringify(manifest, null, 2)}\n`);
    await rename(`${target}.partial`, target);
    return manifest;
  }
}

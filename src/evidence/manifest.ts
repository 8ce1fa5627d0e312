import { z } from 'zod';

/**
 * The manifest of lateral's evidence folder (docs/evidence-folder.md): what was collected, from
 * whom, when, the sha256 of every file and every call that failed.
 */
export const manifestFileSchema = z.looseObject({
  /** Relative to the folder, with forward slashes. */
  path: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().nonnegative(),
  accountId: z.string(),
  region: z.string(),
  api: z.string(),
  resourceId: z.string().optional(),
  pages: z.number().int().nonnegative().optional(),
});

export const manifestFailureSchema = z.looseObject({
  accountId: z.string().nullable(),
  region: z.string().nullable(),
  service: z.string().nullable(),
  api: z.string().nullable(),
  errorCode: z.string(),
  message: z.string(),
  at: z.string().optional(),
});

export const manifestAccountSchema = z.looseObject({
  accountId: z.string(),
  name: z.string().optional(),
  /** sts get-caller-identity in that account: Account, Arn, UserId. */
  callerIdentity: z
    .looseObject({ Account: z.string(), Arn: z.string(), UserId: z.string() })
    .nullable(),
  regions: z.array(z.string()),
  startedAt: z.string().optional(),
  endedAt: z.string().optional(),
});

export const manifestSchema = z.looseObject({
  format: z.literal('lateral-evidence'),
  formatVersion: z.literal(1),
  tool: z.looseObject({ name: z.string(), version: z.string() }),
  startedAt: z.string(),
  endedAt: z.string().nullable(),
  /** False when collection was interrupted: what is listed is valid, the rest is missing. */
  complete: z.boolean(),
  /** The caller that started collection (the management account for --org). */
  callerIdentity: z
    .looseObject({ Account: z.string(), Arn: z.string(), UserId: z.string() })
    .nullable(),
  accounts: z.array(manifestAccountSchema),
  files: z.array(manifestFileSchema),
  failures: z.array(manifestFailureSchema),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ManifestFile = z.infer<typeof manifestFileSchema>;
export type ManifestFailure = z.infer<typeof manifestFailureSchema>;
export type ManifestAccount = z.infer<typeof manifestAccountSchema>;

export const manifestFileName = 'manifest.json';

/**
 * Where one API response lives inside the folder:
 * `accounts/<account>/<region or global>/<service>.<Operation>.json`, and for per-resource calls
 * `accounts/<account>/<region or global>/<service>.<Operation>/<url-encoded resource id>.json`.
 */
export function evidenceFilePath(
  accountId: string,
  region: string,
  api: `${string}:${string}`,
  resourceId?: string,
): string {
  const [service, operation] = api.split(':') as [string, string];
  const base = `accounts/${accountId}/${region}/${service}.${operation}`;
  return resourceId === undefined
    ? `${base}.json`
    : `${base}/${encodeURIComponent(resourceId)}.json`;
}

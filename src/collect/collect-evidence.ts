import { setMaxListeners } from 'node:events';
import { fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { EvidenceFolderWriter } from '../evidence/evidence-folder-writer.js';
import type { Manifest } from '../evidence/manifest.js';
import type { Logger } from '../log/logger.js';
import {
  collectAccount,
  readCallerIdentity,
  type AccountCollectionContext,
  type KnownOrganizationAccounts,
} from './account-collector.js';
import { listAccountsCall } from './api-plan.js';
import { assumeRoleCredentials, partitionOf } from './assume-role.js';
import {
  AccountClients,
  collectedServices,
  resolveHomeRegion,
  type ClientSettings,
  type CredentialProvider,
  type ServiceName,
} from './aws-clients.js';
import type { CliOutput } from './aws-output.js';
import { CollectionInterrupted, errorCode, errorMessage, isInterruption } from './call-failure.js';
import { CallRunner, type CallSite, type ConcurrencyLimits } from './call-runner.js';
import { CollectTally } from './collect-tally.js';
import { Limiter } from './limiter.js';
import { RatePacer } from './rate-pacer.js';
import { settleAll } from './settle-all.js';

export interface CollectOptions {
  /** The evidence folder to write. */
  out: string;
  /** Named profiles, or none for the SDK's default chain. Without --org: one account each. */
  profiles: readonly string[];
  /** List the organization's active accounts and assume `roleName` in each. */
  org: boolean;
  roleName: string;
  /** With `org`: only these account ids. */
  accounts?: readonly string[];
  regions: readonly string[] | 'enabled';
  /** Services to collect; sts is always called (it identifies the account). */
  services?: readonly ServiceName[];
  endpointUrl?: string;
  includeSecrets: boolean;
  maxAttempts: number;
  requestTimeoutMs: number;
  limits: ConcurrencyLimits;
  /** Accounts collected at the same time. */
  accountsAtOnce: number;
  toolVersion: string;
  logger: Logger;
  /** Aborting stops new calls; the folder is left valid and marked incomplete. */
  signal?: AbortSignal;
  /** Called when counts change (often: throttle the drawing). */
  onProgress?: (tally: CollectTally) => void;
  /** Base credentials for a profile; defaults to the SDK's node provider chain. */
  credentialsFor?: (profile: string | undefined) => CredentialProvider;
  /** The region for global calls; defaults to the profile's region, else us-east-1. */
  homeRegion?: string;
}

export interface CollectResult {
  folder: string;
  /** False when interrupted. */
  complete: boolean;
  manifest: Manifest;
  tally: CollectTally;
}

/** Collection could not start: no working credentials, or the organization cannot be listed. */
export class CollectSetupError extends Error {
  override readonly name = 'CollectSetupError';
}

interface Target {
  accountId?: string;
  name?: string;
  /** Who the target is before its identity is known (a profile, an account id). */
  label: string;
  clients: AccountClients;
  credentials: CredentialProvider;
  /** The call whose failure means the target cannot be reached. */
  credentialsApi: 'sts:AssumeRole' | 'sts:GetCallerIdentity';
  /** Members' clients are closed when their account is done; the bases' at the end. */
  ownsClients: boolean;
  identity?: CliOutput;
  organizationAccounts?: KnownOrganizationAccounts;
}

/**
 * `lateral collect`: live collection from AWS into lateral's evidence folder, one account per
 * profile or every account of an organization. Failures become gaps in the manifest; an
 * interruption leaves a valid folder marked incomplete.
 */
export async function collectEvidence(options: CollectOptions): Promise<CollectResult> {
  // Every in-flight call listens on the signal: one internal signal without a listener cap
  // keeps Node from warning about a leak that is not one.
  const interruption = new AbortController();
  setMaxListeners(0, interruption.signal);
  if (options.signal?.aborted === true) interruption.abort();
  options.signal?.addEventListener('abort', () => interruption.abort(), { once: true });
  const signal = interruption.signal;
  const profiles: (string | undefined)[] =
    options.profiles.length > 0 ? [...options.profiles] : [undefined];
  const homeRegion = options.homeRegion ?? (await resolveHomeRegion(profiles[0]));
  const settings: ClientSettings = {
    maxAttempts: options.maxAttempts,
    requestTimeoutMs: options.requestTimeoutMs,
    ...(options.endpointUrl === undefined ? {} : { endpointUrl: options.endpointUrl }),
  };
  const writer = new EvidenceFolderWriter({
    folder: options.out,
    toolVersion: options.toolVersion,
    callerIdentity: null,
  });
  const tally = new CollectTally();
  const runner = new CallRunner({
    writer,
    tally,
    limits: options.limits,
    logger: options.logger,
    signal,
    onChange: () => options.onProgress?.(tally),
  });
  const credentialsFor =
    options.credentialsFor ??
    ((profile: string | undefined) =>
      fromNodeProviderChain(profile === undefined ? {} : { profile }));
  const services = new Set<ServiceName>(options.services ?? collectedServices);
  services.add('sts');
  const pacer = new RatePacer();
  const bases: Target[] = profiles.map((profile) => {
    const credentials = credentialsFor(profile);
    const label = profile === undefined ? 'default credentials' : `profile ${profile}`;
    return {
      label,
      credentials,
      credentialsApi: 'sts:GetCallerIdentity',
      ownsClients: false,
      clients: new AccountClients(credentials, settings, { pacer, account: label }),
    };
  });

  let manifestWrites: Promise<unknown> = writer.writeManifest(false);
  const saveManifest = () => {
    manifestWrites = manifestWrites.then(() => writer.writeManifest(false));
    return manifestWrites;
  };
  const context = (clients: AccountClients): AccountCollectionContext => ({
    runner,
    writer,
    tally,
    clients,
    homeRegion,
    regions: options.regions,
    services,
    includeSecrets: options.includeSecrets,
  });

  let interrupted = false;
  try {
    const caller = await identifyCaller(runner, bases[0]!, homeRegion, tally);
    writer.setCallerIdentity(identityOf(caller));
    const targets = options.org
      ? await organizationTargets(runner, bases[0]!, caller, homeRegion, settings, options, pacer)
      : bases;
    const accountLimiter = new Limiter(options.accountsAtOnce);
    // Every account runs to its end (an interruption ends them quickly) before the manifest.
    await settleAll(
      targets.map((target) =>
        accountLimiter.run(async () => {
          if (signal.aborted) return;
          await collectTarget(target, context(target.clients), runner, tally, homeRegion);
          await runner.flush();
          await saveManifest();
        }),
      ),
    );
    interrupted = signal.aborted;
  } catch (error) {
    if (!isInterruption(error, signal)) throw error;
    interrupted = true;
  } finally {
    for (const base of bases) base.clients.destroy();
  }
  await runner.flush();
  await manifestWrites;
  if (interrupted) {
    for (const account of tally.all)
      if (account.status === 'collecting') account.status = 'interrupted';
  }
  const manifest = await writer.writeManifest(!interrupted);
  return { folder: options.out, complete: !interrupted, manifest, tally };
}

async function identifyCaller(
  runner: CallRunner,
  base: Target,
  homeRegion: string,
  tally: CollectTally,
): Promise<CliOutput> {
  try {
    const identity = await readCallerIdentity(runner, stsSite(base.label, base, homeRegion));
    const accountId = String(identity['Account']);
    tally.rename(base.label, accountId);
    base.accountId = accountId;
    base.identity = identity;
    return identity;
  } catch (error) {
    if (isInterruption(error, runner.signal)) throw new CollectionInterrupted();
    throw new CollectSetupError(
      `no working AWS credentials for ${base.label} (${errorCode(error)}: ` +
        `${errorMessage(error)}). Name a profile with --profile, run \`aws sso login\`, or set ` +
        'AWS_PROFILE / AWS_ACCESS_KEY_ID.',
    );
  }
}

async function organizationTargets(
  runner: CallRunner,
  caller: Target,
  identity: CliOutput,
  homeRegion: string,
  settings: ClientSettings,
  options: CollectOptions,
  pacer: RatePacer,
): Promise<Target[]> {
  const callerAccount = caller.accountId!;
  const site: CallSite = {
    accountId: callerAccount,
    region: 'global',
    clientRegion: homeRegion,
    service: 'organizations',
    client: caller.clients.client('organizations', homeRegion),
  };
  let listing: KnownOrganizationAccounts;
  try {
    listing = await runner.fetchAll(site, listAccountsCall);
  } catch (error) {
    if (isInterruption(error, runner.signal)) throw new CollectionInterrupted();
    throw new CollectSetupError(
      `cannot list the organization's accounts from account ${callerAccount} ` +
        `(${errorCode(error)}: ${errorMessage(error)}). Run from the management account or a ` +
        'delegated administrator, or name one profile per account: --profile a,b,c without --org.',
    );
  }
  const members = (Array.isArray(listing.body['Accounts']) ? listing.body['Accounts'] : [])
    .map((account) => account as Record<string, unknown>)
    .filter((account) => (account['State'] ?? account['Status']) === 'ACTIVE')
    .filter((account) => typeof account['Id'] === 'string');
  const wanted = options.accounts === undefined ? undefined : new Set(options.accounts);
  for (const id of wanted ?? []) {
    if (!members.some((account) => account['Id'] === id)) {
      options.logger.warn(`account ${id} is not an active account of the organization`, {
        account: id,
      });
    }
  }
  const partition = partitionOf(String(identity['Arn']));
  const stsOfCaller = stsSite(callerAccount, caller, homeRegion);
  return members
    .filter((account) => wanted === undefined || wanted.has(account['Id'] as string))
    .map((account): Target => {
      const accountId = account['Id'] as string;
      const name = typeof account['Name'] === 'string' ? account['Name'] : undefined;
      // The caller's own account is read with the caller's credentials: the management account
      // has no OrganizationAccountAccessRole of its own.
      if (accountId === callerAccount) {
        return {
          ...caller,
          ...(name === undefined ? {} : { name }),
          organizationAccounts: listing,
        };
      }
      const roleArn = `arn:${partition}:iam::${accountId}:role/${options.roleName}`;
      const credentials = assumeRoleCredentials(runner, stsOfCaller, roleArn, 'lateral-collect');
      return {
        accountId,
        ...(name === undefined ? {} : { name }),
        label: `account ${accountId}`,
        credentials,
        credentialsApi: 'sts:AssumeRole',
        ownsClients: true,
        clients: new AccountClients(credentials, settings, { pacer, account: accountId }),
      };
    });
}

async function collectTarget(
  target: Target,
  context: AccountCollectionContext,
  runner: CallRunner,
  tally: CollectTally,
  homeRegion: string,
): Promise<void> {
  const startedAt = new Date().toISOString();
  const accountTally = tally.account(target.accountId ?? target.label, target.name);
  accountTally.status = 'collecting';
  const unreachable = (api: string, error: unknown) => {
    // A profile that fails names no account: the gap says which profile in its message.
    const accountId = target.accountId ?? null;
    const failure = { accountId, region: 'global', service: 'sts' as const };
    const named =
      accountId === null
        ? Object.assign(new Error(`${target.label}: ${errorMessage(error)}`), {
            name: errorCode(error),
          })
        : error;
    runner.recordGap(failure, api, named);
    accountTally.status = 'unreachable';
    if (accountId === null) return;
    context.writer.recordAccount({
      accountId,
      ...(target.name === undefined ? {} : { name: target.name }),
      callerIdentity: null,
      regions: [],
      startedAt,
      endedAt: new Date().toISOString(),
    });
  };
  try {
    let identity = target.identity;
    if (identity === undefined) {
      try {
        await target.credentials();
        identity = await readCallerIdentity(
          runner,
          stsSite(accountTally.accountId, target, homeRegion),
        );
      } catch (error) {
        if (isInterruption(error, runner.signal)) throw new CollectionInterrupted();
        return unreachable(target.credentialsApi, error);
      }
      if (target.accountId === undefined) tally.rename(target.label, String(identity['Account']));
    }
    const collected = await collectAccount(context, identity, target.organizationAccounts);
    context.writer.recordAccount({
      accountId: collected.accountId,
      ...(target.name === undefined ? {} : { name: target.name }),
      callerIdentity: collected.callerIdentity,
      regions: collected.regions,
      startedAt,
      endedAt: new Date().toISOString(),
    });
    accountTally.status = 'done';
  } finally {
    if (target.ownsClients) target.clients.destroy();
  }
}

function stsSite(accountId: string, target: Target, homeRegion: string): CallSite {
  return {
    accountId,
    region: 'global',
    clientRegion: homeRegion,
    service: 'sts',
    client: target.clients.client('sts', homeRegion),
  };
}

function identityOf(identity: CliOutput): Manifest['callerIdentity'] {
  return {
    Account: String(identity['Account']),
    Arn: String(identity['Arn']),
    UserId: String(identity['UserId']),
  };
}

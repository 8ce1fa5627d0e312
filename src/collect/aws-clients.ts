import { EC2Client } from '@aws-sdk/client-ec2';
import { IAMClient } from '@aws-sdk/client-iam';
import { LambdaClient } from '@aws-sdk/client-lambda';
import { OrganizationsClient } from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import { S3Client } from '@aws-sdk/client-s3';
import { STSClient } from '@aws-sdk/client-sts';
import { isThrottling, type RatePacer } from './rate-pacer.js';

/** The SDK clients lateral collects with, named by IAM action prefix. */
export type ServiceName = 'ec2' | 'iam' | 'lambda' | 'rds' | 's3' | 'organizations' | 'sts';

export const collectedServices: readonly ServiceName[] = [
  'ec2',
  'iam',
  'lambda',
  'rds',
  's3',
  'organizations',
  'sts',
];

/** What every SDK v3 client has in common, for the calls lateral makes. */
export interface SdkClient {
  send(command: object, options?: { abortSignal?: AbortSignal }): Promise<unknown>;
  destroy(): void;
  /** Each client's middleware types differ; `addPacing` is the one caller. */
  middlewareStack: { add(...args: never[]): void };
}

/** Temporary or long-term credentials, as SDK v3 credential providers return them. */
export interface CredentialIdentity {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}

export type CredentialProvider = () => Promise<CredentialIdentity>;

export interface ClientSettings {
  /** An AWS-compatible endpoint for every client, STS included. */
  endpointUrl?: string;
  maxAttempts: number;
  /** Per HTTP request; a call that times out is retried, then recorded as a gap. */
  requestTimeoutMs: number;
}

type ClientConstructor = new (config: object) => SdkClient;

const clientConstructors: Record<ServiceName, ClientConstructor> = {
  ec2: EC2Client,
  iam: IAMClient,
  lambda: LambdaClient,
  rds: RDSClient,
  s3: S3Client,
  organizations: OrganizationsClient,
  sts: STSClient,
};

/**
 * Makes and caches the SDK clients of one account: one per service and region, all with the
 * account's credentials, adaptive retry (client-side rate limiting after throttling errors) and
 * the endpoint override, so no call leaves for AWS when an emulator was named.
 */
export class AccountClients {
  private readonly clients = new Map<string, SdkClient>();

  constructor(
    private readonly credentials: CredentialProvider,
    private readonly settings: ClientSettings,
    /** Requests of this account share one pacing lane per region. */
    private readonly pacing?: { pacer: RatePacer; account: string },
  ) {}

  client(service: ServiceName, region: string): SdkClient {
    const key = `${service}/${region}`;
    let client = this.clients.get(key);
    if (client === undefined) {
      client = createClient(service, region, this.credentials, this.settings);
      if (this.pacing !== undefined) {
        addPacing(client, this.pacing.pacer, `${this.pacing.account}/${region}`);
      }
      this.clients.set(key, client);
    }
    return client;
  }

  destroy(): void {
    for (const client of this.clients.values()) client.destroy();
    this.clients.clear();
  }
}

/** One SDK client with lateral's settings. */
export function createClient(
  service: ServiceName,
  region: string,
  credentials: CredentialProvider,
  settings: ClientSettings,
): SdkClient {
  const endpointGiven =
    settings.endpointUrl !== undefined || process.env['AWS_ENDPOINT_URL'] !== undefined;
  const Constructor = clientConstructors[service];
  return new Constructor({
    region,
    credentials,
    retryMode: 'adaptive',
    maxAttempts: settings.maxAttempts,
    requestHandler: {
      connectionTimeout: Math.min(settings.requestTimeoutMs, 10_000),
      requestTimeout: settings.requestTimeoutMs,
    },
    ...(settings.endpointUrl === undefined ? {} : { endpoint: settings.endpointUrl }),
    // An emulator on one host cannot serve bucket names as subdomains.
    ...(service === 's3' && endpointGiven ? { forcePathStyle: true } : {}),
    // A bucket's policy must be read in the bucket's region; the SDK follows the redirect.
    ...(service === 's3' ? { followRegionRedirects: true } : {}),
  });
}

/**
 * Puts every attempt of the client's calls (retries included: the middleware runs inside the
 * SDK's retry loop) through the pacer's lane, and tells the pacer which were throttled.
 */
function addPacing(client: SdkClient, pacer: RatePacer, lane: string): void {
  type Handler = (args: unknown) => Promise<unknown>;
  const middleware =
    (next: Handler): Handler =>
    async (args) => {
      await pacer.wait(lane);
      try {
        const output = await next(args);
        pacer.record(lane, false);
        return output;
      } catch (error) {
        pacer.record(lane, isThrottling(error));
        throw error;
      }
    };
  const options = { step: 'finalizeRequest', priority: 'low', name: 'lateralRatePacer' };
  client.middlewareStack.add(middleware as never, options as never);
}

/**
 * The region global calls are signed for: the profile's or the environment's region, else
 * us-east-1.
 */
export async function resolveHomeRegion(profile: string | undefined): Promise<string> {
  const probe = new STSClient(profile === undefined ? {} : { profile });
  try {
    return await probe.config.region();
  } catch {
    // No region configured anywhere: the SDK's region provider chain throws.
    return 'us-east-1';
  } finally {
    probe.destroy();
  }
}

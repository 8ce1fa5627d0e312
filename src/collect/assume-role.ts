import { assumeRoleCall } from './api-plan.js';
import type { CredentialIdentity, CredentialProvider } from './aws-clients.js';
import type { CallRunner, CallSite } from './call-runner.js';

/** Credentials are renewed this long before they expire, so no call is signed with stale ones. */
const renewBeforeMs = 5 * 60_000;

/**
 * Credentials for a member account: AssumeRole through the caller's STS client (so the endpoint
 * override and the limits apply), kept until shortly before they expire, then assumed again.
 */
export function assumeRoleCredentials(
  runner: CallRunner,
  stsSite: CallSite,
  roleArn: string,
  sessionName: string,
): CredentialProvider {
  let current: Promise<CredentialIdentity> | undefined;
  let renewAt = 0;
  return () => {
    if (current === undefined || Date.now() >= renewAt) {
      const assumed = runner
        .send(stsSite, assumeRoleCall, { RoleArn: roleArn, RoleSessionName: sessionName })
        .then((body) => {
          const identity = credentialsOf(body, roleArn);
          renewAt = (identity.expiration?.getTime() ?? Date.now() + 3_600_000) - renewBeforeMs;
          return identity;
        });
      // A failed attempt is not kept: the next call may try again.
      assumed.catch(() => {
        if (current === assumed) current = undefined;
      });
      current = assumed;
    }
    return current;
  };
}

function credentialsOf(body: Record<string, unknown>, roleArn: string): CredentialIdentity {
  const credentials = body['Credentials'] as Record<string, unknown> | undefined;
  const accessKeyId = credentials?.['AccessKeyId'];
  const secretAccessKey = credentials?.['SecretAccessKey'];
  if (typeof accessKeyId !== 'string' || typeof secretAccessKey !== 'string') {
    throw new Error(`AssumeRole for ${roleArn} returned no credentials`);
  }
  const sessionToken = credentials?.['SessionToken'];
  const expiration = credentials?.['Expiration'];
  return {
    accessKeyId,
    secretAccessKey,
    ...(typeof sessionToken === 'string' ? { sessionToken } : {}),
    ...(typeof expiration === 'string' ? { expiration: new Date(expiration) } : {}),
  };
}

/** The partition of an ARN (`aws`, `aws-cn`, `aws-us-gov`), for the role ARNs lateral builds. */
export function partitionOf(arn: string): string {
  const partition = arn.split(':')[1];
  return partition === undefined || partition.length === 0 ? 'aws' : partition;
}

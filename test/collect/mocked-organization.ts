import type { DescribeInstancesCommand } from '@aws-sdk/client-ec2';
import { DescribeRegionsCommand, EC2Client, EC2ServiceException } from '@aws-sdk/client-ec2';
import {
  GetAccountAuthorizationDetailsCommand,
  IAMClient,
  ListAccountAliasesCommand,
} from '@aws-sdk/client-iam';
import { LambdaClient, ListFunctionsCommand } from '@aws-sdk/client-lambda';
import {
  DescribeOrganizationCommand,
  ListAccountsCommand,
  OrganizationsClient,
} from '@aws-sdk/client-organizations';
import { RDSClient } from '@aws-sdk/client-rds';
import {
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  ListBucketsCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import {
  AssumeRoleCommand,
  GetCallerIdentityCommand,
  STSClient,
  STSServiceException,
} from '@aws-sdk/client-sts';
import { mockClient } from 'aws-sdk-client-mock';
import { regionalCalls } from '../../src/collect/api-plan.js';

export const managementAccount = '111111111111';
export const memberAccounts = ['222222222222', '333333333333'] as const;
export const managementAccessKeyId = `AKIA${managementAccount}`;

/** What the mocked organization does wrong, per test. */
export interface MockedFaults {
  /** Accounts whose role cannot be assumed. */
  unassumable?: readonly string[];
  /** `account/region` pairs where every EC2 call but DescribeRegions is denied. */
  deniedEc2?: readonly string[];
  /** Called on every DescribeInstances page (to interrupt a run). */
  onDescribeInstances?: () => void;
}

interface ClientWithConfig {
  config: { credentials: () => Promise<{ accessKeyId: string }>; region: () => Promise<string> };
}

async function whereCalled(getClient: () => unknown): Promise<{ account: string; region: string }> {
  const client = getClient() as ClientWithConfig;
  const { accessKeyId } = await client.config.credentials();
  return { account: accessKeyId.slice(4, 16), region: await client.config.region() };
}

const mocks = {
  sts: mockClient(STSClient),
  ec2: mockClient(EC2Client),
  iam: mockClient(IAMClient),
  lambda: mockClient(LambdaClient),
  rds: mockClient(RDSClient),
  s3: mockClient(S3Client),
  organizations: mockClient(OrganizationsClient),
};

/** Replaces every SDK client's send with an organization of three accounts, two regions each. */
export function mockOrganization(faults: MockedFaults = {}): void {
  for (const mock of [mocks.sts, mocks.ec2, mocks.iam, mocks.lambda]) mock.reset();
  for (const mock of [mocks.rds, mocks.s3, mocks.organizations]) mock.reset();
  mocks.sts.onAnyCommand().resolves({});
  mocks.ec2.onAnyCommand().resolves({});
  mocks.iam.onAnyCommand().resolves({});
  mocks.lambda.onAnyCommand().resolves({});
  mocks.rds.onAnyCommand().resolves({});
  mocks.s3.onAnyCommand().resolves({});
  mocks.organizations.onAnyCommand().resolves({});
  mocks.sts.on(GetCallerIdentityCommand).callsFake(async (_input, getClient) => {
    const { account } = await whereCalled(getClient);
    return {
      Account: account,
      Arn: `arn:aws:iam::${account}:user/responder`,
      UserId: `AIDA${account}`,
      $metadata: { attempts: 1 },
    };
  });
  mocks.sts.on(AssumeRoleCommand).callsFake(async (input: { RoleArn: string }) => {
    const account = input.RoleArn.split(':')[4]!;
    if (faults.unassumable?.includes(account) === true) {
      throw new STSServiceException({
        name: 'AccessDenied',
        $fault: 'client',
        $metadata: { httpStatusCode: 403 },
        message: `not authorized to perform sts:AssumeRole on ${input.RoleArn}`,
      });
    }
    return {
      Credentials: {
        AccessKeyId: `ASIA${account}`,
        SecretAccessKey: 'secret',
        SessionToken: 'token',
        Expiration: new Date(Date.now() + 3_600_000),
      },
    };
  });
  mocks.organizations
    .on(ListAccountsCommand)
    .resolvesOnce({
      Accounts: [
        { Id: managementAccount, Name: 'management', Status: 'ACTIVE' },
        { Id: memberAccounts[0], Name: 'prod', Status: 'ACTIVE' },
        { Id: '444444444444', Name: 'closed', Status: 'SUSPENDED' },
      ],
      NextToken: 'page-2',
    })
    .resolvesOnce({ Accounts: [{ Id: memberAccounts[1], Name: 'dev', Status: 'ACTIVE' }] });
  mocks.organizations.on(DescribeOrganizationCommand).resolves({
    Organization: { Id: 'o-mocked', MasterAccountId: managementAccount, FeatureSet: 'ALL' },
  });

  for (const call of regionalCalls.filter((entry) => entry.service === 'ec2')) {
    const command = call.command as unknown as typeof DescribeInstancesCommand;
    mocks.ec2.on(command).callsFake(async (input: { NextToken?: string }, getClient) => {
      const { account, region } = await whereCalled(getClient);
      if (faults.deniedEc2?.includes(`${account}/${region}`) === true) {
        throw new EC2ServiceException({
          name: 'UnauthorizedOperation',
          $fault: 'client',
          $metadata: { httpStatusCode: 403 },
          message: 'You are not authorized to perform this operation (service control policy).',
        });
      }
      if (call.api !== 'ec2:DescribeInstances') return {};
      faults.onDescribeInstances?.();
      const page = input.NextToken === undefined ? 1 : Number(input.NextToken);
      return {
        Reservations: [{ ReservationId: `r-${account}-${region}-${page}`, OwnerId: account }],
        ...(page < 3 ? { NextToken: String(page + 1) } : {}),
      };
    });
  }
  mocks.ec2.on(DescribeRegionsCommand).resolves({
    Regions: [
      { RegionName: 'us-east-1', OptInStatus: 'opt-in-not-required' },
      { RegionName: 'eu-west-1', OptInStatus: 'opt-in-not-required' },
    ],
  });

  mocks.iam.on(GetAccountAuthorizationDetailsCommand).callsFake(async (input, getClient) => {
    const { account } = await whereCalled(getClient);
    const role = (name: string) => ({
      RoleName: name,
      Arn: `arn:aws:iam::${account}:role/${name}`,
      CreateDate: new Date('2026-01-02T03:04:05Z'),
    });
    if ((input as { Marker?: string }).Marker === undefined) {
      return {
        UserDetailList: [{ UserName: 'responder' }],
        RoleDetailList: [role('first-page-role')],
        IsTruncated: true,
        Marker: 'm2',
      };
    }
    return { RoleDetailList: [role('second-page-role')], Policies: [], IsTruncated: false };
  });
  mocks.iam.on(ListAccountAliasesCommand).resolves({ AccountAliases: ['alias'] });

  mocks.lambda.on(ListFunctionsCommand).resolves({
    Functions: [
      {
        FunctionName: 'payments',
        Environment: { Variables: { DB_PASSWORD: 'hunter2', STAGE: 'prod' } },
      },
    ],
  });

  mocks.s3
    .on(ListBucketsCommand)
    .resolves({ Buckets: [{ Name: 'with-policy' }, { Name: 'plain' }] });
  mocks.s3.on(GetBucketLocationCommand, { Bucket: 'with-policy' }).resolves({
    LocationConstraint: 'eu-west-1',
  });
  mocks.s3.on(GetBucketPolicyCommand, { Bucket: 'with-policy' }).resolves({
    Policy: '{"Version":"2012-10-17","Statement":[]}',
  });
  mocks.s3.on(GetBucketPolicyCommand, { Bucket: 'plain' }).rejects(
    new S3ServiceException({
      name: 'NoSuchBucketPolicy',
      $fault: 'client',
      $metadata: { httpStatusCode: 404 },
      message: 'The bucket policy does not exist',
    }),
  );
}

/** Restores the real clients. */
export function restoreClients(): void {
  for (const mock of [mocks.sts, mocks.ec2, mocks.iam, mocks.lambda]) mock.restore();
  for (const mock of [mocks.rds, mocks.s3, mocks.organizations]) mock.restore();
}

import { describe, expect, it } from 'vitest';
import { findApiSpec } from '../../evidence/api-catalog.js';
import { EvidenceError } from '../../evidence/evidence-error.js';
import { storedColumns, withScopeColumns } from '../common-columns.js';
import {
  byKey,
  documentFrom,
  documentWith,
  dataSuite,
  hasSharedData,
  misfits,
  scopeOf,
} from './account-test-support.js';
import { accountTables } from './account-tables.js';
import { awsAccount } from './aws-account.js';
import { awsLambdaFunction } from './aws-lambda-function.js';
import { awsOrganizationsAccount } from './aws-organizations-account.js';
import { awsRdsDbInstance } from './aws-rds-db-instance.js';
import { awsS3Bucket } from './aws-s3-bucket.js';

const demo = 'cloudmapper/account-data/demo/us-east-1';
const captures = 'aws-api-captures';

describe('the account-level table definitions', () => {
  it('are the ten tables, each column unique and lower snake_case', () => {
    expect(accountTables.map((table) => table.name)).toEqual([
      'aws_iam_user',
      'aws_iam_group',
      'aws_iam_role',
      'aws_iam_policy',
      'aws_iam_instance_profile',
      'aws_lambda_function',
      'aws_rds_db_instance',
      'aws_s3_bucket',
      'aws_organizations_account',
      'aws_account',
    ]);
    for (const table of accountTables) {
      const names = storedColumns(table).map((column) => column.name);
      expect(new Set(names).size, table.name).toBe(names.length);
      for (const name of table.columns.map((column) => column.name)) {
        expect(name, table.name).toMatch(/^[a-z][a-z0-9]*(_[a-z0-9]+)*$/);
      }
      for (const api of [...table.sources, ...(table.coveredBy ?? [])]) {
        expect(findApiSpec(api), `${table.name} source ${api}`).toBeDefined();
      }
    }
  });

  it('declare the columns of Steampipe’s example queries with Steampipe’s types', () => {
    const typeOf = (table: string, column: string) =>
      accountTables
        .find((candidate) => candidate.name === table)
        ?.columns.find((candidate) => candidate.name === column)?.type;
    expect(typeOf('aws_iam_role', 'assume_role_policy_std')).toBe('jsonb');
    expect(typeOf('aws_iam_role', 'max_session_duration')).toBe('bigint');
    expect(typeOf('aws_iam_user', 'mfa_enabled')).toBe('boolean');
    expect(typeOf('aws_iam_user', 'password_last_used')).toBe('timestamptz');
    expect(typeOf('aws_iam_policy', 'is_aws_managed')).toBe('boolean');
    expect(typeOf('aws_iam_policy', 'permissions_boundary_usage_count')).toBe('bigint');
    expect(typeOf('aws_lambda_function', 'timeout')).toBe('text');
    expect(typeOf('aws_rds_db_instance', 'class')).toBe('text');
    expect(typeOf('aws_rds_db_instance', 'endpoint_port')).toBe('bigint');
    expect(typeOf('aws_s3_bucket', 'bucket_policy_is_public')).toBe('boolean');
    expect(typeOf('aws_organizations_account', 'joined_timestamp')).toBe('timestamptz');
    expect(typeOf('aws_account', 'organization_available_policy_types')).toBe('jsonb');
  });
});

describe.skipIf(!hasSharedData)(dataSuite + 'aws_lambda_function', () => {
  it('reads the CloudMapper demo function in its VPC', () => {
    const scope = scopeOf(
      [
        documentFrom('lambda:ListFunctions', `${demo}/lambda-list-functions.json`, {
          region: 'us-east-1',
        }),
      ],
      'us-east-1',
    );
    const rows = awsLambdaFunction.rows(scope);
    expect(rows).toHaveLength(1);
    const fn = rows[0] ?? {};
    expect(fn['arn']).toBe('arn:aws:lambda:us-east-1:123456789012:function:invpclambda');
    expect(fn['role']).toBe('arn:aws:iam::123456789012:role/service-role/invpclambda');
    expect(fn['vpc_subnet_ids']).toEqual(['subnet-00000003', 'subnet-00000004']);
    expect(fn['timeout']).toBe('3');
    expect(fn['last_modified']).toBe('2019-04-30T16:26:38.618+00:00');
    expect(fn['region']).toBe('us-east-1');
    expect(fn['policy']).toBeNull();
    expect(fn['tags']).toBeNull();
    expect(misfits(awsLambdaFunction, rows)).toEqual([]);
  });

  it('reads the captured functions, a function without VPC config having null VPC columns', () => {
    const scope = scopeOf(
      [
        documentFrom(
          'lambda:ListFunctions',
          `${captures}/test_aws_lambda_sg/lambda.ListFunctions_1.json`,
          {
            region: 'us-west-2',
            accountId: '644160558196',
          },
        ),
      ],
      'us-west-2',
      '644160558196',
    );
    const rows = awsLambdaFunction.rows(scope);
    expect(byKey(rows, 'name', 'mys3')['vpc_id']).toBe('vpc-4a9ff72e');
    expect(byKey(rows, 'name', 'c7n-cleanup')['vpc_security_group_ids']).toBeNull();
    expect(byKey(rows, 'name', 'myIOTFunction')['vpc_subnet_ids']).toEqual([]);
    expect(misfits(awsLambdaFunction, rows)).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)(dataSuite + 'aws_rds_db_instance', () => {
  it('reads the demo instance and the five captured ones', () => {
    const demoRows = awsRdsDbInstance.rows(
      scopeOf(
        [
          documentFrom('rds:DescribeDBInstances', `${demo}/rds-describe-db-instances.json`, {
            region: 'us-east-1',
          }),
        ],
        'us-east-1',
      ),
    );
    expect(demoRows.map((row) => row['arn'])).toEqual([
      'arn:aws:rds:us-east-1:123456789012:db:securitymonkey',
    ]);
    const captured = awsRdsDbInstance.rows(
      scopeOf(
        [
          documentFrom(
            'rds:DescribeDBInstances',
            `${captures}/test_rds_retention/rds.DescribeDBInstances_1.json`,
            {
              region: 'us-west-2',
            },
          ),
        ],
        'us-west-2',
      ),
    );
    expect(captured.map((row) => row['db_instance_identifier'])).toEqual([
      'oneness',
      'sbbdev',
      'qapipfitread',
      'sbbdevslave',
      'qpsoaread',
    ]);
    const replica = byKey(captured, 'db_instance_identifier', 'qapipfitread');
    expect(replica['read_replica_source_db_instance_identifier']).not.toBeNull();
    expect(replica['certificate']).toBeNull();
    expect(misfits(awsRdsDbInstance, [...demoRows, ...captured])).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)(dataSuite + 'aws_s3_bucket', () => {
  it('gives the demo bucket its policy, canonical policy and region', () => {
    const scope = scopeOf([
      documentFrom('s3:ListBuckets', `${demo}/s3-list-buckets.json`),
      documentFrom('s3:GetBucketPolicy', `${demo}/s3-get-bucket-policy/cloudmapper_demo`, {
        resourceId: 'cloudmapper_demo',
      }),
      documentFrom('s3:GetBucketLocation', `${demo}/s3-get-bucket-location/cloudmapper_demo`, {
        resourceId: 'cloudmapper_demo',
      }),
    ]);
    const rows = awsS3Bucket.rows(scope);
    expect(rows).toHaveLength(1);
    const bucket = rows[0] ?? {};
    expect(bucket['arn']).toBe('arn:aws:s3:::cloudmapper_demo');
    expect(bucket['region']).toBe('us-east-1');
    expect(bucket['creation_date']).toBe('2018-11-20T19:50:08+00:00');
    expect(bucket['policy_std']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'PublicReadGetObject',
          Effect: 'Allow',
          Principal: { AWS: ['*'] },
          Action: ['s3:getobject'],
          Resource: ['arn:aws:s3:::cloudmapper_demo/*'],
        },
      ],
    });
    expect(bucket['versioning_enabled']).toBeNull();
    expect(misfits(awsS3Bucket, rows)).toEqual([]);
  });

  it('reads EU as eu-west-1 and leaves buckets without evidence of policy unknown', () => {
    const scope = scopeOf([
      documentFrom('s3:ListBuckets', `${captures}/test_s3_encrypt/s3.ListBuckets_1.json`),
      {
        ...documentWith('s3:GetBucketLocation', { LocationConstraint: 'EU' }),
        resourceId: 'c7n-test',
      },
    ]);
    const rows = awsS3Bucket.rows(scope);
    expect(byKey(rows, 'name', 'c7n-test')['region']).toBe('eu-west-1');
    expect(byKey(rows, 'name', 'custodian-demo')['policy']).toBeNull();
    const stored = withScopeColumns(byKey(rows, 'name', 'c7n-test'), scope);
    expect(stored['region']).toBe('eu-west-1');
  });
});

describe.skipIf(!hasSharedData)(dataSuite + 'aws_organizations_account', () => {
  it('lists the member accounts of the management account', () => {
    const scope = scopeOf(
      [
        documentFrom(
          'organizations:ListAccounts',
          `${captures}/test_org_account_describe/organizations.ListAccounts_1.json`,
          { accountId: '644160558196' },
        ),
      ],
      'global',
      '644160558196',
    );
    const rows = awsOrganizationsAccount.rows(scope);
    expect(rows).toEqual([
      expect.objectContaining({
        id: '644160558196',
        name: 'Sandbox-Account',
        arn: 'arn:aws:organizations::644160558196:account/o-r2x4ytpwhl/644160558196',
        status: 'ACTIVE',
        joined_method: 'CREATED',
        joined_timestamp: '2021-08-10T13:24:25.768Z',
        tags: null,
      }),
    ]);
    expect(misfits(awsOrganizationsAccount, rows)).toEqual([]);
  });
});

describe.skipIf(!hasSharedData)(dataSuite + 'aws_account', () => {
  it('makes one row from the caller identity, with aliases and organization unknown', () => {
    const rows = awsAccount.rows(
      scopeOf([documentFrom('sts:GetCallerIdentity', `${demo}/sts-get-caller-identity.json`)]),
    );
    expect(rows).toHaveLength(1);
    expect(rows[0]).toEqual(
      expect.objectContaining({
        arn: 'arn:aws:::123456789012',
        title: '123456789012',
        account_aliases: null,
        organization_id: null,
        akas: ['arn:aws:::123456789012'],
      }),
    );
    expect(misfits(awsAccount, rows)).toEqual([]);
  });
});

describe('account tables on hand-made and wrong-typed evidence', () => {
  it('titles the account by its first alias and reads its organization', () => {
    const rows = awsAccount.rows(
      scopeOf([
        documentWith('iam:ListAccountAliases', { AccountAliases: ['prod-main'] }),
        documentWith('organizations:DescribeOrganization', {
          Organization: { Id: 'o-abc', MasterAccountId: '111111111111', AvailablePolicyTypes: [] },
        }),
      ]),
    );
    expect(rows[0]).toEqual(
      expect.objectContaining({
        title: 'prod-main',
        account_aliases: ['prod-main'],
        organization_id: 'o-abc',
        organization_master_account_id: '111111111111',
      }),
    );
    expect(awsAccount.rows(scopeOf([]))).toEqual([]);
  });

  it('rejects a wrong-typed timestamp and an undecodable bucket policy by path', () => {
    const lambda = scopeOf([
      documentWith('lambda:ListFunctions', {
        Functions: [{ FunctionName: 'f', FunctionArn: 'arn:f', LastModified: 'yesterday-ish' }],
      }),
    ]);
    expect(() => awsLambdaFunction.rows(lambda)).toThrow(EvidenceError);
    expect(() => awsLambdaFunction.rows(lambda)).toThrow('bad.json at $.Functions[0].LastModified');
    expect(() => awsLambdaFunction.rows(lambda)).not.toThrow('yesterday-ish');
    const s3 = scopeOf([
      documentWith('s3:ListBuckets', { Buckets: [{ Name: 'b' }] }),
      {
        ...documentWith('s3:GetBucketPolicy', { Policy: '{"Statement": [' }, 'policy/b'),
        resourceId: 'b',
      },
    ]);
    expect(() => awsS3Bucket.rows(s3)).toThrow('policy/b at $.Policy');
    const rds = scopeOf([
      documentWith('rds:DescribeDBInstances', {
        DBInstances: [
          { DBInstanceIdentifier: 'd', DBInstanceArn: 'arn:d', AllocatedStorage: '20' },
        ],
      }),
    ]);
    expect(() => awsRdsDbInstance.rows(rds)).toThrow('$.DBInstances[0].AllocatedStorage');
  });
});

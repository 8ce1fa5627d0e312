import { describe, expect, it } from 'vitest';
import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import type { ScopeEvidence } from '../table-definition.js';
import { EvidenceError } from '../../evidence/evidence-error.js';
import {
  byKey,
  documentFrom,
  documentWith,
  dataSuite,
  hasSharedData,
  misfits,
  scopeOf,
} from './account-test-support.js';
import { awsIamGroup } from './aws-iam-group.js';
import { awsIamInstanceProfile } from './aws-iam-instance-profile.js';
import { awsIamPolicy } from './aws-iam-policy.js';
import { awsIamRole } from './aws-iam-role.js';
import { awsIamUser } from './aws-iam-user.js';

const demoAuthz =
  'cloudmapper/account-data/demo/us-east-1/iam-get-account-authorization-details.json';
const cloudsplaining = 'cloudsplaining/test/files/example-authz-details.json';
const cloudsplainingV2 = 'cloudsplaining/test/files/example_authz_v2.json';
const captures = 'aws-api-captures';
/** A scope read on first use, so that suites skipped for absent data read no file. */
function lazyScope(documents: () => EvidenceDocument[]): ScopeEvidence {
  let scope: ScopeEvidence | undefined;
  const get = () => (scope ??= scopeOf(documents()));
  return {
    get accountId() {
      return get().accountId;
    },
    get region() {
      return get().region;
    },
    get partition() {
      return get().partition;
    },
    documents: (api) => get().documents(api),
  };
}

const authz = (path: string) => documentFrom('iam:GetAccountAuthorizationDetails', path);

describe.skipIf(!hasSharedData)(
  dataSuite + 'IAM tables on CloudMapper demo authorization details',
  () => {
    const scope = lazyScope(() => [authz(demoAuthz)]);

    it('reads 2 users, 1 group, 4 roles and 2 policies', () => {
      expect(awsIamUser.rows(scope).map((row) => row['name'])).toEqual([
        'USER_WITH_BAD_INLINE_POLICY',
        'USER',
      ]);
      expect(awsIamGroup.rows(scope).map((row) => row['name'])).toEqual([
        'GROUP_WITH_BAD_INLINE_POLICY',
      ]);
      expect(
        awsIamRole
          .rows(scope)
          .map((row) => row['name'])
          .sort(),
      ).toEqual(['bad_role', 'exfiller', 'level1', 'level3']);
      expect(awsIamPolicy.rows(scope).map((row) => row['name'])).toEqual([
        'AmazonEC2RoleforSSM',
        'BAD_MFA_POLICY',
      ]);
    });

    it('gives a role its attached policy ARNs, and [] to a role known to have none', () => {
      const roles = awsIamRole.rows(scope);
      expect(byKey(roles, 'name', 'bad_role')['attached_policy_arns']).toEqual([
        'arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM',
      ]);
      expect(byKey(roles, 'name', 'exfiller')['attached_policy_arns']).toEqual([]);
      expect(byKey(roles, 'name', 'level1')['arn']).toBe(
        'arn:aws:iam::123456789012:role/service-role/level1',
      );
    });

    it('resolves a user’s groups and a group’s members', () => {
      const user = byKey(awsIamUser.rows(scope), 'name', 'USER');
      expect(user['groups']).toEqual([
        {
          Path: '/',
          GroupName: 'GROUP_WITH_BAD_INLINE_POLICY',
          GroupId: 'AGPAS2OTVRSQPU55LUWSO',
          Arn: 'arn:aws:iam::aws:group/GROUP_WITH_BAD_INLINE_POLICY',
          CreateDate: '2021-03-13T18:40:54+00:00',
        },
      ]);
      const group = awsIamGroup.rows(scope)[0];
      expect((group?.['users'] as { UserName: string }[]).map((member) => member.UserName)).toEqual(
        ['USER'],
      );
    });

    it('takes the default version’s document as the policy, with its canonical form', () => {
      const policy = byKey(awsIamPolicy.rows(scope), 'name', 'AmazonEC2RoleforSSM');
      expect(policy['is_aws_managed']).toBe(true);
      expect(policy['default_version_id']).toBe('v8');
      expect(policy['is_attached']).toBe(true);
      const std = policy['policy_std'] as { Statement: { Action: string[] }[] };
      expect(std.Statement).toHaveLength(8);
      expect(std.Statement[3]?.Action).toEqual(['cloudwatch:putmetricdata']);
      expect(std.Statement[0]?.Action).toContain('ssm:getdeployablepatchsnapshotforinstance');
    });

    it('leaves unknown what the authorization details do not hold', () => {
      const role = byKey(awsIamRole.rows(scope), 'name', 'bad_role');
      expect(role['description']).toBeNull();
      expect(role['max_session_duration']).toBeNull();
      const user = byKey(awsIamUser.rows(scope), 'name', 'USER');
      expect(user['password_last_used']).toBeNull();
      expect(user['mfa_enabled']).toBeNull();
      expect(user['tags']).toEqual({});
    });
  },
);

describe.skipIf(!hasSharedData)(
  dataSuite + 'IAM tables on cloudsplaining authorization details',
  () => {
    const scope = lazyScope(() => [authz(cloudsplaining)]);

    it('reads 3 users, 2 groups, 3 roles, 32 policies and one instance profile', () => {
      expect(awsIamUser.rows(scope)).toHaveLength(3);
      expect(awsIamGroup.rows(scope)).toHaveLength(2);
      expect(awsIamRole.rows(scope)).toHaveLength(3);
      expect(awsIamPolicy.rows(scope)).toHaveLength(32);
      const profiles = awsIamInstanceProfile.rows(scope);
      expect(profiles.map((row) => row['arn'])).toEqual([
        'arn:aws:iam::012345678901:instance-profile/OverprivilegedEC2',
      ]);
      expect(profiles[0]?.['role_arns']).toEqual([
        'arn:aws:iam::012345678901:role/OverprivilegedEC2',
      ]);
    });

    it('decodes the trust policy of a role and links its instance profile', () => {
      const role = byKey(awsIamRole.rows(scope), 'name', 'OverprivilegedEC2');
      expect(role['instance_profile_arns']).toEqual([
        'arn:aws:iam::012345678901:instance-profile/OverprivilegedEC2',
      ]);
      expect(role['attached_policy_arns']).toEqual([
        'arn:aws:iam::012345678901:policy/InsecurePolicy',
      ]);
      expect(role['assume_role_policy']).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: 'ec2.amazonaws.com' },
            Action: 'sts:AssumeRole',
          },
        ],
      });
      expect(role['assume_role_policy_std']).toEqual({
        Version: '2012-10-17',
        Statement: [
          {
            Effect: 'Allow',
            Principal: { Service: ['ec2.amazonaws.com'] },
            Action: ['sts:assumerole'],
          },
        ],
      });
    });

    it('gives inline policies with canonical forms, and null to a user without any', () => {
      const users = awsIamUser.rows(scope);
      const user = byKey(users, 'name', 'userwithlotsofpermissions');
      expect(user['inline_policies_std']).toEqual([
        {
          PolicyName: 'InsecureUserPolicy',
          PolicyDocument: {
            Version: '2012-10-17',
            Statement: [
              {
                Sid: 'VisualEditor0',
                Effect: 'Allow',
                Action: ['s3:getobject', 's3:putobject', 's3:putobjectacl'],
                Resource: ['*'],
              },
            ],
          },
        },
      ]);
      expect(byKey(users, 'name', 'user-o')['inline_policies']).toBeNull();
      expect(byKey(users, 'name', 'user-o')['attached_policy_arns']).toEqual([
        'arn:aws:iam::aws:policy/AdministratorAccess',
      ]);
    });

    it('picks the default of several policy versions', () => {
      const policy = byKey(awsIamPolicy.rows(scope), 'name', 'AWSCodeCommitPowerUser');
      expect(policy['default_version_id']).toBe('v11');
      expect(policy['policy']).not.toBeNull();
      const customer = byKey(awsIamPolicy.rows(scope), 'name', 'NotYourPolicy');
      expect(customer['is_aws_managed']).toBe(false);
      expect(
        (customer['policy_std'] as { Statement: { Resource: string[] }[] }).Statement[0]?.Resource,
      ).toEqual(['arn:aws:s3:::mybucket', 'arn:aws:s3:::mybucket/*']);
    });

    it('reads the v2 example too', () => {
      const v2 = scopeOf([authz(cloudsplainingV2)]);
      expect(awsIamUser.rows(v2).map((row) => row['name'])).toEqual(['BlakeBortles']);
      expect(
        awsIamRole
          .rows(v2)
          .map((row) => row['name'])
          .sort(),
      ).toEqual(['GOAT', 'MyOtherRole']);
      expect(awsIamGroup.rows(v2)[0]?.['users']).toHaveLength(1);
    });
  },
);

describe.skipIf(!hasSharedData)(dataSuite + 'IAM tables on partial API captures', () => {
  it('fills from ListRoles less than from the authorization details: unknown is null', () => {
    const roles = awsIamRole.rows(
      scopeOf([documentFrom('iam:GetRole', 'flaws2-cloudtrail/level3.json')]),
    );
    expect(roles).toHaveLength(1);
    const role = roles[0] ?? {};
    expect(role['arn']).toBe('arn:aws:iam::653711331788:role/level3');
    expect(role['description']).toBe('Allows ECS tasks to call AWS services on your behalf.');
    expect(role['max_session_duration']).toBe(3600);
    expect(role['role_last_used_region']).toBe('us-east-1');
    expect(role['attached_policy_arns']).toBeNull();
    expect(role['inline_policies']).toBeNull();
    expect(role['instance_profile_arns']).toBeNull();
    expect(role['assume_role_policy_std']).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Principal: { Service: ['ecs-tasks.amazonaws.com'] },
          Action: ['sts:assumerole'],
        },
      ],
    });
  });

  it('decodes URL-encoded trust policies of GetRole and links ListInstanceProfiles', () => {
    const folder = `${captures}/test_ec2_iam_role_filter_by_role_name`;
    const scope = scopeOf([
      documentFrom('iam:GetRole', `${folder}/iam.GetRole_2.json`),
      documentFrom('iam:ListInstanceProfiles', `${folder}/iam.ListInstanceProfiles_1.json`),
    ]);
    const role = awsIamRole.rows(scope)[0] ?? {};
    expect(role['name']).toBe('CloudCustodianRole');
    expect(role['tags']).toEqual({ Owner: 'SharedServices', Environment: 'Dev' });
    expect(role['instance_profile_arns']).toEqual([
      'arn:aws:iam::644160558196:instance-profile/CloudCustodianRole',
    ]);
    const std = role['assume_role_policy_std'] as { Statement: { Principal: object }[] };
    expect(std.Statement[0]?.Principal).toEqual({
      AWS: [
        'arn:aws:iam::644160558196:root',
        'arn:aws:iam::644160558196:user/tester.mishra@capitalone.com',
      ],
      Service: [
        'ec2.amazonaws.com',
        'edgelambda.amazonaws.com',
        'lambda.amazonaws.com',
        'osis-pipelines.amazonaws.com',
        'states.amazonaws.com',
      ],
    });
    const profiles = awsIamInstanceProfile.rows(scope);
    expect(profiles.map((row) => row['name'])).toEqual(['c7n-tester-test', 'CloudCustodianRole']);
    expect(profiles[0]?.['tags']).toBeNull();
  });

  it('reads users from ListUsers with unknown groups and policies', () => {
    const users = awsIamUser.rows(
      scopeOf([
        documentFrom('iam:ListUsers', `${captures}/test_iam_user_console_old/iam.ListUsers_1.json`),
      ]),
    );
    const andrew = byKey(users, 'name', 'andrew');
    expect(andrew['password_last_used']).toBe('2016-11-16T14:10:34Z');
    expect(andrew['attached_policy_arns']).toBeNull();
    expect(andrew['groups']).toBeNull();
    expect(andrew['tags']).toBeNull();
    expect(andrew['permissions_boundary_arn']).toBeNull();
  });

  it('reads managed policies from ListPolicies without documents', () => {
    const policies = awsIamPolicy.rows(
      scopeOf([
        documentFrom(
          'iam:ListPolicies',
          `${captures}/test_iam_policy_attached/iam.ListPolicies_1.json`,
        ),
      ]),
    );
    const redshift = byKey(policies, 'name', 'AWSQuickSightRedshiftPolicy');
    expect(redshift['arn']).toBe(
      'arn:aws:iam::644160558196:policy/service-role/AWSQuickSightRedshiftPolicy',
    );
    expect(redshift['attachment_count']).toBe(1);
    expect(redshift['policy']).toBeNull();
    expect(redshift['policy_std']).toBeNull();
  });

  it('merges a role read by the authorization details and by GetRole', () => {
    const scope = scopeOf([
      authz(demoAuthz),
      documentFrom('iam:GetRole', 'cloudmapper/account-data/demo/us-east-1/iam-get-role/level3'),
    ]);
    const roles = awsIamRole.rows(scope);
    expect(roles).toHaveLength(4);
    expect(byKey(roles, 'name', 'level3')['attached_policy_arns']).toEqual([]);
  });
});

describe('IAM tables on wrong-typed evidence', () => {
  it('names the file and JSON path of a wrong-typed field, not its value', () => {
    const scope = scopeOf([
      documentWith('iam:ListRoles', {
        Roles: [
          { RoleName: 'a', Arn: 'arn:aws:iam::1:role/a', MaxSessionDuration: 'hostile-text' },
        ],
      }),
    ]);
    let error: unknown;
    try {
      awsIamRole.rows(scope);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EvidenceError);
    expect((error as Error).message).toContain('bad.json at $.Roles[0].MaxSessionDuration');
    expect((error as Error).message).not.toContain('hostile-text');
  });

  it('names the path of a policy document that does not decode', () => {
    const scope = scopeOf([
      documentWith('iam:GetAccountAuthorizationDetails', {
        RoleDetailList: [
          { RoleName: 'r', Arn: 'arn:aws:iam::1:role/r', AssumeRolePolicyDocument: '%7Bnot-json' },
        ],
      }),
    ]);
    expect(() => awsIamRole.rows(scope)).toThrow(
      'bad.json at $.RoleDetailList[0].AssumeRolePolicyDocument',
    );
  });

  it('ignores unknown extra fields', () => {
    const scope = scopeOf([
      documentWith('iam:ListUsers', {
        Users: [{ UserName: 'u', Arn: 'arn:aws:iam::1:user/u', Novel: { Deep: [1] } }],
        Marker: 'x',
      }),
    ]);
    expect(awsIamUser.rows(scope).map((row) => row['name'])).toEqual(['u']);
  });
});

describe.skipIf(!hasSharedData)(dataSuite + 'IAM rows fit their declared columns', () => {
  it('uses only declared columns, with values of the column types', () => {
    const scope = scopeOf([authz(cloudsplaining), authz(demoAuthz)]);
    for (const table of [
      awsIamUser,
      awsIamGroup,
      awsIamRole,
      awsIamPolicy,
      awsIamInstanceProfile,
    ]) {
      const rows = table.rows(scope);
      expect(rows.length).toBeGreaterThan(0);
      expect(misfits(table, rows)).toEqual([]);
    }
  });
});

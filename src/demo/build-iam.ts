import { awsTimestamp, instantBefore } from './aws-ids.js';
import { demoCollectedAt } from './demo-accounts.js';
import { awsManagedPolicies, managedPolicyArn } from './demo-iam-policies.js';
import { demoIds, demoSeed } from './demo-ids.js';
import type { IdentityPlan, RolePlan } from './demo-plan.js';
import type { AwsObject } from './evidence-book.js';

function created(key: string, days = 1500): string {
  return awsTimestamp(instantBefore(demoCollectedAt, days, `iam/${key}`, demoSeed));
}

function tags(record: Record<string, string> | undefined): { Key: string; Value: string }[] {
  return Object.entries(record ?? {}).map(([Key, Value]) => ({ Key, Value }));
}

function attached(accountId: string, names: readonly string[]): AwsObject[] {
  return names.map((name) => ({ PolicyName: name, PolicyArn: managedPolicyArn(accountId, name) }));
}

function roleArn(accountId: string, role: RolePlan): string {
  return `arn:aws:iam::${accountId}:role${role.path ?? '/'}${role.name}`;
}

function roleSummary(accountId: string, role: RolePlan): AwsObject {
  return {
    Path: role.path ?? '/',
    RoleName: role.name,
    RoleId: demoIds.iam('AROA', `${accountId}/${role.name}`),
    Arn: roleArn(accountId, role),
    CreateDate: created(`${accountId}/role/${role.name}`),
    AssumeRolePolicyDocument: role.trust,
    ...(role.description === undefined ? {} : { Description: role.description }),
    MaxSessionDuration: 3600,
  };
}

function roleDetail(accountId: string, role: RolePlan): AwsObject {
  const profile =
    role.profile === undefined
      ? []
      : [
          {
            Path: '/',
            InstanceProfileName: role.profile,
            InstanceProfileId: demoIds.iam('AIPA', `${accountId}/${role.profile}`),
            Arn: `arn:aws:iam::${accountId}:instance-profile/${role.profile}`,
            CreateDate: created(`${accountId}/role/${role.name}`),
            Roles: [{ ...roleSummary(accountId, role), Tags: tags(role.tags) }],
          },
        ];
  const serviceLinked = (role.path ?? '/').startsWith('/aws-service-role/');
  return {
    ...roleSummary(accountId, role),
    InstanceProfileList: profile,
    RolePolicyList: (role.inline ?? []).map((inline) => ({
      PolicyName: inline.name,
      PolicyDocument: inline.document,
    })),
    AttachedManagedPolicies: attached(accountId, role.managed),
    Tags: tags(role.tags),
    RoleLastUsed: serviceLinked
      ? {}
      : {
          LastUsedDate: awsTimestamp(
            instantBefore(demoCollectedAt, 3, `used/${accountId}/${role.name}`, demoSeed),
          ),
          Region: 'us-east-1',
        },
  };
}

function policyRecord(
  accountId: string,
  name: string,
  document: unknown,
  attachmentCount: number,
  details: {
    path: string;
    versionId: string;
    createdAt: string;
    updatedAt: string;
    description?: string;
  },
): AwsObject {
  const isAws = awsManagedPolicies[name] !== undefined;
  return {
    PolicyName: name,
    PolicyId: demoIds.iam('ANPA', isAws ? `aws/${name}` : `${accountId}/${name}`),
    Arn: managedPolicyArn(accountId, name),
    Path: details.path,
    DefaultVersionId: details.versionId,
    AttachmentCount: attachmentCount,
    PermissionsBoundaryUsageCount: 0,
    IsAttachable: true,
    ...(details.description === undefined ? {} : { Description: details.description }),
    CreateDate: details.createdAt,
    UpdateDate: details.updatedAt,
    PolicyVersionList: [
      {
        Document: document,
        VersionId: details.versionId,
        IsDefaultVersion: true,
        CreateDate: details.updatedAt,
      },
    ],
  };
}

/**
 * `aws iam get-account-authorization-details` of one account: users, groups, roles (with their
 * instance profiles) and the managed policies in use, AWS managed ones included.
 */
export function authorizationDetails(plan: IdentityPlan): AwsObject {
  const { accountId } = plan;
  const attachments = new Map<string, number>();
  const count = (names: readonly string[]) => {
    for (const name of names) attachments.set(name, (attachments.get(name) ?? 0) + 1);
  };
  plan.roles.forEach((role) => count(role.managed));
  plan.users.forEach((user) => count(user.managed));
  plan.groups.forEach((group) => count(group.managed));
  for (const name of attachments.keys()) {
    const known =
      awsManagedPolicies[name] !== undefined || plan.policies.some((item) => item.name === name);
    if (!known) throw new Error(`demo plan: policy ${name} of ${accountId} is not defined`);
  }

  const customer = plan.policies.map((item) => {
    const createdAt = created(`${accountId}/policy/${item.name}`);
    return policyRecord(accountId, item.name, item.document, attachments.get(item.name) ?? 0, {
      path: '/',
      versionId: 'v1',
      createdAt,
      updatedAt: createdAt,
      description: item.description,
    });
  });
  const awsManaged = [...attachments.keys()]
    .filter((name) => awsManagedPolicies[name] !== undefined)
    .sort()
    .map((name) => {
      const managed = awsManagedPolicies[name] as (typeof awsManagedPolicies)[string];
      return policyRecord(accountId, name, managed.document, attachments.get(name) ?? 0, managed);
    });

  return {
    UserDetailList: plan.users.map((user) => ({
      Path: '/',
      UserName: user.name,
      UserId: demoIds.iam('AIDA', `${accountId}/${user.name}`),
      Arn: `arn:aws:iam::${accountId}:user/${user.name}`,
      CreateDate: created(`${accountId}/user/${user.name}`),
      ...(user.inline === undefined
        ? {}
        : {
            UserPolicyList: user.inline.map((inline) => ({
              PolicyName: inline.name,
              PolicyDocument: inline.document,
            })),
          }),
      GroupList: user.groups,
      AttachedManagedPolicies: attached(accountId, user.managed),
      Tags: tags(user.tags),
    })),
    GroupDetailList: plan.groups.map((group) => ({
      Path: '/',
      GroupName: group.name,
      GroupId: demoIds.iam('AGPA', `${accountId}/${group.name}`),
      Arn: `arn:aws:iam::${accountId}:group/${group.name}`,
      CreateDate: created(`${accountId}/group/${group.name}`),
      GroupPolicyList: (group.inline ?? []).map((inline) => ({
        PolicyName: inline.name,
        PolicyDocument: inline.document,
      })),
      AttachedManagedPolicies: attached(accountId, group.managed),
    })),
    RoleDetailList: plan.roles.map((role) => roleDetail(accountId, role)),
    Policies: [...customer, ...awsManaged],
    IsTruncated: false,
  };
}

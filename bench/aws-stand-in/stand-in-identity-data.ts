import { denied, epoch, page, type StandInAccount, type StandInDataset } from './stand-in-data.js';
import type { Answer } from './wire-format.js';

/** The stand-in's IAM and Organizations answers. */

export function authorizationDetails(
  account: StandInAccount,
  params: Record<string, string>,
  dataset: StandInDataset,
): Answer {
  const trust = (principal: string) =>
    encodeURIComponent(
      JSON.stringify({
        Version: '2012-10-17',
        Statement: [{ Effect: 'Allow', Principal: principal, Action: 'sts:AssumeRole' }],
      }),
    );
  const roles = Array.from({ length: dataset.rolesPerAccount }, (_, index) => ({
    Path: '/',
    RoleName: `app-role-${index}`,
    RoleId: `AROA${account.id}${index}`,
    Arn: `arn:aws:iam::${account.id}:role/app-role-${index}`,
    CreateDate: epoch,
    AssumeRolePolicyDocument: trust('{"Service":"ec2.amazonaws.com"}'),
    InstanceProfileList:
      index === 0
        ? [
            {
              Path: '/',
              InstanceProfileName: 'app-profile',
              InstanceProfileId: 'AIPAAPPPROFILE',
              Arn: `arn:aws:iam::${account.id}:instance-profile/app-profile`,
              CreateDate: epoch,
              Roles: [],
            },
          ]
        : [],
    RolePolicyList: [],
    AttachedManagedPolicies: [
      { PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' },
    ],
  }));
  const { slice, next } = page(roles, params['Marker'], dataset.pageSize);
  const first = params['Marker'] === undefined;
  return {
    data: {
      UserDetailList: first
        ? [
            {
              Path: '/',
              UserName: 'responder',
              UserId: 'AIDARESPONDER',
              Arn: `arn:aws:iam::${account.id}:user/responder`,
              CreateDate: epoch,
            },
          ]
        : [],
      GroupDetailList: [],
      RoleDetailList: slice,
      Policies: [],
      IsTruncated: next !== undefined,
      ...(next === undefined ? {} : { Marker: next }),
    },
  };
}

export function organization(dataset: StandInDataset) {
  const id = dataset.managementAccountId;
  return {
    Id: 'o-standin',
    Arn: `arn:aws:organizations::${id}:organization/o-standin`,
    FeatureSet: 'ALL',
    MasterAccountArn: `arn:aws:organizations::${id}:account/o-standin/${id}`,
    MasterAccountId: id,
    MasterAccountEmail: 'root@example.com',
  };
}

export function listAccounts(
  dataset: StandInDataset,
  caller: StandInAccount,
  params: Record<string, string>,
): Answer {
  if (caller.id !== dataset.managementAccountId) {
    return denied(
      'AccessDeniedException',
      'You don’t have permissions to access this resource.',
      400,
    );
  }
  const management = dataset.managementAccountId;
  const size = Math.min(Number(params['MaxResults'] ?? 20), dataset.pageSize);
  const { slice, next } = page(dataset.accounts, params['NextToken'], size);
  return {
    data: {
      Accounts: slice.map((account) => ({
        Id: account.id,
        Arn: `arn:aws:organizations::${management}:account/o-standin/${account.id}`,
        Email: `${account.name}@example.com`,
        Name: account.name,
        Status: 'ACTIVE',
        JoinedMethod: 'CREATED',
        JoinedTimestamp: 1767225600,
      })),
      ...(next === undefined ? {} : { NextToken: next }),
    },
  };
}

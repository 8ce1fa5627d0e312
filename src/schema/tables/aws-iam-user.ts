import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import {
  authorizationDetailsResponse,
  getUserResponse,
  listUsersResponse,
  type IamGroupDetail,
  type IamUser,
  type IamUserDetail,
} from '../aws-shapes/iam-shapes.js';
import type { Row } from '../column.js';
import { inlinePolicyColumns } from '../policy/inline-policies.js';
import type { ScopeEvidence, TableDefinition } from '../table-definition.js';
import {
  akasColumn,
  column,
  globalPlaceColumns,
  tagsColumn,
  tagsSrcColumn,
  titleColumn,
} from './account-columns.js';
import { parsedDocuments, RowMerger } from './account-row-values.js';
import {
  attachedPolicyArns,
  detailTagColumns,
  identityColumns,
  listTagColumns,
  locate,
} from './iam-row-values.js';

const columns = [
  column('name', 'text', 'The friendly name identifying the user.'),
  column('user_id', 'text', 'The stable and unique string identifying the user.'),
  column('path', 'text', 'The path to the user.'),
  column('arn', 'text', 'The Amazon Resource Name (ARN) that identifies the user.'),
  column('create_date', 'timestamptz', 'The date and time, when the user was created.'),
  column(
    'password_last_used',
    'timestamptz',
    "The date and time, when the user's password was last used to sign in to an AWS website.",
  ),
  column(
    'permissions_boundary_arn',
    'text',
    'The ARN of the policy used to set the permissions boundary for the user.',
  ),
  column(
    'permissions_boundary_type',
    'text',
    'The permissions boundary usage type (always Policy when set).',
  ),
  column('mfa_enabled', 'boolean', 'The MFA status of the user.'),
  column('login_profile', 'jsonb', 'Contains the user name and password create date for a user.'),
  column('mfa_devices', 'jsonb', 'A list of MFA devices attached to the user.'),
  column('groups', 'jsonb', 'A list of groups attached to the user.'),
  column(
    'inline_policies',
    'jsonb',
    'A list of policy documents that are embedded as inline policies for the user.',
  ),
  column('inline_policies_std', 'jsonb', 'Inline policies in canonical form for the user.'),
  column('attached_policy_arns', 'jsonb', 'A list of managed policies attached to the user.'),
  tagsSrcColumn('user'),
  tagsColumn,
  titleColumn,
  akasColumn,
  ...globalPlaceColumns,
];

function baseRow(user: IamUser): Row {
  return {
    ...identityColumns(user.UserName, user.Arn),
    user_id: user.UserId ?? null,
    path: user.Path ?? null,
    create_date: user.CreateDate ?? null,
  };
}

/**
 * Permissions boundary and tags, which GetUser and the authorization details return. Steampipe
 * gives '' (not null) for a user known to have no boundary.
 */
function detailRow(user: IamUser): Row {
  return {
    permissions_boundary_arn: user.PermissionsBoundary?.PermissionsBoundaryArn ?? '',
    permissions_boundary_type: user.PermissionsBoundary?.PermissionsBoundaryType ?? '',
    ...detailTagColumns(user.Tags),
  };
}

/** Steampipe's groups column: the user's groups as Group objects (ListGroupsForUser's shape). */
function groupObjects(names: readonly string[], groups: readonly IamGroupDetail[]): Row[] {
  return names.map((name) => {
    const group = groups.find((candidate) => candidate.GroupName === name);
    if (group === undefined) return { GroupName: name };
    return {
      Path: group.Path ?? null,
      GroupName: group.GroupName,
      GroupId: group.GroupId ?? null,
      Arn: group.Arn,
      CreateDate: group.CreateDate ?? null,
    };
  });
}

function authorizationRow(
  user: IamUserDetail,
  groups: readonly IamGroupDetail[],
  document: EvidenceDocument,
  index: number,
): Row {
  const inline = inlinePolicyColumns(
    user.UserPolicyList ?? [],
    locate(document, ['UserDetailList', index, 'UserPolicyList']),
  );
  return {
    ...baseRow(user),
    ...detailRow(user),
    groups: groupObjects(user.GroupList ?? [], groups),
    inline_policies: inline.inlinePolicies,
    inline_policies_std: inline.inlinePoliciesStd,
    attached_policy_arns: attachedPolicyArns(user.AttachedManagedPolicies),
  };
}

function rows(evidence: ScopeEvidence): Row[] {
  const merger = new RowMerger();
  for (const { body, document } of parsedDocuments(
    evidence,
    'iam:GetAccountAuthorizationDetails',
    authorizationDetailsResponse,
  )) {
    const groups = body.GroupDetailList ?? [];
    (body.UserDetailList ?? []).forEach((user, index) =>
      merger.add(user.Arn, authorizationRow(user, groups, document, index)),
    );
  }
  // PasswordLastUsed is only in GetUser and ListUsers; absent there, the password was never used.
  for (const { body } of parsedDocuments(evidence, 'iam:GetUser', getUserResponse)) {
    merger.add(body.User.Arn, {
      ...baseRow(body.User),
      ...detailRow(body.User),
      password_last_used: body.User.PasswordLastUsed ?? null,
    });
  }
  for (const { body } of parsedDocuments(evidence, 'iam:ListUsers', listUsersResponse)) {
    for (const user of body.Users) {
      merger.add(user.Arn, {
        ...baseRow(user),
        password_last_used: user.PasswordLastUsed ?? null,
        ...listTagColumns(user.Tags),
      });
    }
  }
  return merger.result(columns);
}

/** Steampipe's aws_iam_user. */
export const awsIamUser: TableDefinition = {
  name: 'aws_iam_user',
  scope: 'global',
  columns,
  sources: ['iam:GetAccountAuthorizationDetails', 'iam:ListUsers', 'iam:GetUser'],
  coveredBy: ['iam:GetAccountAuthorizationDetails', 'iam:ListUsers'],
  rows,
  key: (row) => String(row['arn']),
};

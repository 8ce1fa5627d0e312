import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import {
  authorizationDetailsResponse,
  getRoleResponse,
  listInstanceProfilesResponse,
  listRolesResponse,
  type IamRole,
  type IamRoleDetail,
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
  policyColumns,
  policyText,
} from './iam-row-values.js';

const columns = [
  column('name', 'text', 'The friendly name that identifies the role.'),
  column('arn', 'text', 'The Amazon Resource Name (ARN) specifying the role.'),
  column('role_id', 'text', 'The stable and unique string identifying the role.'),
  column(
    'assume_role_policy_document',
    'text',
    'The policy that grants an entity permission to assume the role, as text.',
  ),
  column('create_date', 'timestamptz', 'The date and time when the role was created.'),
  column('description', 'text', 'A user-provided description of the role.'),
  column('instance_profile_arns', 'jsonb', 'A list of instance profiles associated with the role.'),
  column(
    'max_session_duration',
    'bigint',
    'The maximum session duration (in seconds) for the specified role.',
  ),
  column('path', 'text', 'The path to the role.'),
  column(
    'permissions_boundary_arn',
    'text',
    'The ARN of the policy used to set the permissions boundary for the role.',
  ),
  column(
    'permissions_boundary_type',
    'text',
    'The permissions boundary usage type (always Policy when set).',
  ),
  column('role_last_used_date', 'timestamptz', 'The last time that the IAM role was used.'),
  column('role_last_used_region', 'text', 'The region in which the IAM role was last used.'),
  tagsSrcColumn('role'),
  column(
    'inline_policies',
    'jsonb',
    'A list of policy documents that are embedded as inline policies for the role.',
  ),
  column('inline_policies_std', 'jsonb', 'Inline policies in canonical form for the role.'),
  column('attached_policy_arns', 'jsonb', 'A list of managed policies attached to the role.'),
  column(
    'assume_role_policy',
    'jsonb',
    'The policy that grants an entity permission to assume the role.',
  ),
  column(
    'assume_role_policy_std',
    'jsonb',
    'Contains the assume role policy in a canonical form for easier searching.',
  ),
  titleColumn,
  tagsColumn,
  akasColumn,
  ...globalPlaceColumns,
];

/** The columns every source of a role holds. */
function baseRow(role: IamRole, document: EvidenceDocument, path: readonly PropertyKey[]): Row {
  const trust = policyColumns(
    role.AssumeRolePolicyDocument,
    locate(document, [...path, 'AssumeRolePolicyDocument']),
  );
  return {
    ...identityColumns(role.RoleName, role.Arn),
    role_id: role.RoleId ?? null,
    path: role.Path ?? null,
    create_date: role.CreateDate ?? null,
    assume_role_policy_document: policyText(role.AssumeRolePolicyDocument),
    assume_role_policy: trust?.document,
    assume_role_policy_std: trust?.std,
  };
}

/** The columns GetRole and the authorization details hold, and ListRoles does not. */
function detailRow(role: IamRole): Row {
  const lastUsed =
    role.RoleLastUsed === undefined || role.RoleLastUsed === null
      ? {}
      : {
          role_last_used_date: role.RoleLastUsed.LastUsedDate ?? null,
          role_last_used_region: role.RoleLastUsed.Region ?? null,
        };
  return {
    permissions_boundary_arn: role.PermissionsBoundary?.PermissionsBoundaryArn ?? null,
    permissions_boundary_type: role.PermissionsBoundary?.PermissionsBoundaryType ?? null,
    ...lastUsed,
    ...detailTagColumns(role.Tags),
  };
}

/** Description and session duration, which ListRoles and GetRole return (absent: none). */
function describedRow(role: IamRole): Row {
  return {
    description: role.Description ?? null,
    max_session_duration: role.MaxSessionDuration ?? null,
  };
}

function authorizationRow(role: IamRoleDetail, document: EvidenceDocument, index: number): Row {
  const path = ['RoleDetailList', index];
  const inline = inlinePolicyColumns(
    role.RolePolicyList ?? [],
    locate(document, [...path, 'RolePolicyList']),
  );
  return {
    ...baseRow(role, document, path),
    ...detailRow(role),
    instance_profile_arns: (role.InstanceProfileList ?? []).map((profile) => profile.Arn),
    inline_policies: inline.inlinePolicies,
    inline_policies_std: inline.inlinePoliciesStd,
    attached_policy_arns: attachedPolicyArns(role.AttachedManagedPolicies),
  };
}

/** Role ARN to the ARNs of the instance profiles that hold it, from ListInstanceProfiles. */
function instanceProfilesByRole(evidence: ScopeEvidence): Map<string, string[]> | undefined {
  const documents = parsedDocuments(
    evidence,
    'iam:ListInstanceProfiles',
    listInstanceProfilesResponse,
  );
  if (documents.length === 0) return undefined;
  const byRole = new Map<string, string[]>();
  for (const { body } of documents) {
    for (const profile of body.InstanceProfiles) {
      for (const role of profile.Roles ?? []) {
        const list = byRole.get(role.Arn) ?? [];
        if (!list.includes(profile.Arn)) list.push(profile.Arn);
        byRole.set(role.Arn, list);
      }
    }
  }
  return byRole;
}

function hasListing(evidence: ScopeEvidence): boolean {
  return (
    evidence.documents('iam:GetAccountAuthorizationDetails').length > 0 ||
    evidence.documents('iam:ListRoles').length > 0
  );
}

function rows(evidence: ScopeEvidence): Row[] {
  const merger = new RowMerger();
  for (const { body, document } of parsedDocuments(
    evidence,
    'iam:GetAccountAuthorizationDetails',
    authorizationDetailsResponse,
  )) {
    (body.RoleDetailList ?? []).forEach((role, index) =>
      merger.add(role.Arn, authorizationRow(role, document, index)),
    );
  }
  for (const { body, document } of parsedDocuments(evidence, 'iam:ListRoles', listRolesResponse)) {
    body.Roles.forEach((role, index) =>
      merger.add(role.Arn, {
        ...baseRow(role, document, ['Roles', index]),
        ...describedRow(role),
        ...listTagColumns(role.Tags),
      }),
    );
  }
  // A listing (the authorization details, ListRoles) names every role of the account, so a
  // per-role GetRole only adds detail to a role it lists, matched by name; GetRole output that
  // disagrees with the listing (another path, a deleted role) must not make a second role.
  const listedArnByName = new Map<string, string>();
  for (const arn of merger.keys()) listedArnByName.set(arn.slice(arn.lastIndexOf('/') + 1), arn);
  const listed = listedArnByName.size > 0 || hasListing(evidence);
  for (const { body, document } of parsedDocuments(evidence, 'iam:GetRole', getRoleResponse)) {
    const key = listed ? listedArnByName.get(body.Role.RoleName) : body.Role.Arn;
    if (key === undefined) continue;
    merger.add(key, {
      ...baseRow(body.Role, document, ['Role']),
      ...detailRow(body.Role),
      ...describedRow(body.Role),
    });
  }
  // ListInstanceProfiles lists every profile of the account, so a role it does not name has none.
  const profiles = instanceProfilesByRole(evidence);
  if (profiles !== undefined) {
    for (const arn of merger.keys()) {
      merger.add(arn, { instance_profile_arns: profiles.get(arn) ?? [] });
    }
  }
  return merger.result(columns);
}

/** Steampipe's aws_iam_role. */
export const awsIamRole: TableDefinition = {
  name: 'aws_iam_role',
  scope: 'global',
  columns,
  sources: [
    'iam:GetAccountAuthorizationDetails',
    'iam:ListRoles',
    'iam:GetRole',
    'iam:ListInstanceProfiles',
  ],
  coveredBy: ['iam:GetAccountAuthorizationDetails', 'iam:ListRoles'],
  rows,
  key: (row) => String(row['arn']),
};

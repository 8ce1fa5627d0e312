import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import {
  authorizationDetailsResponse,
  type IamGroupDetail,
  type IamUserDetail,
} from '../aws-shapes/iam-shapes.js';
import type { Row } from '../column.js';
import { inlinePolicyColumns } from '../policy/inline-policies.js';
import type { ScopeEvidence, TableDefinition } from '../table-definition.js';
import { akasColumn, column, globalPlaceColumns, titleColumn } from './account-columns.js';
import { parsedDocuments, RowMerger } from './account-row-values.js';
import { attachedPolicyArns, identityColumns, locate } from './iam-row-values.js';

const columns = [
  column('name', 'text', 'The friendly name that identifies the group.'),
  column('group_id', 'text', 'The stable and unique string identifying the group.'),
  column('path', 'text', 'The path to the group.'),
  column('arn', 'text', 'The Amazon Resource Name (ARN) specifying the group.'),
  column('create_date', 'timestamptz', 'The date and time, when the group was created.'),
  column(
    'inline_policies',
    'jsonb',
    'A list of policy documents that are embedded as inline policies for the group.',
  ),
  column('inline_policies_std', 'jsonb', 'Inline policies in canonical form for the group.'),
  column('attached_policy_arns', 'jsonb', 'A list of managed policies attached to the group.'),
  column('users', 'jsonb', 'A list of users in the group.'),
  titleColumn,
  akasColumn,
  ...globalPlaceColumns,
];

/** Steampipe's users column: the members as User objects (GetGroup's shape). */
function members(group: IamGroupDetail, users: readonly IamUserDetail[]): Row[] {
  return users
    .filter((user) => (user.GroupList ?? []).includes(group.GroupName))
    .map((user) => ({
      Path: user.Path ?? null,
      UserName: user.UserName,
      UserId: user.UserId ?? null,
      Arn: user.Arn,
      CreateDate: user.CreateDate ?? null,
      ...(user.PermissionsBoundary ? { PermissionsBoundary: user.PermissionsBoundary } : {}),
    }));
}

function groupRow(
  group: IamGroupDetail,
  users: readonly IamUserDetail[],
  document: EvidenceDocument,
  index: number,
): Row {
  const inline = inlinePolicyColumns(
    group.GroupPolicyList ?? [],
    locate(document, ['GroupDetailList', index, 'GroupPolicyList']),
  );
  return {
    ...identityColumns(group.GroupName, group.Arn),
    group_id: group.GroupId ?? null,
    path: group.Path ?? null,
    create_date: group.CreateDate ?? null,
    inline_policies: inline.inlinePolicies,
    inline_policies_std: inline.inlinePoliciesStd,
    attached_policy_arns: attachedPolicyArns(group.AttachedManagedPolicies),
    users: members(group, users),
  };
}

function rows(evidence: ScopeEvidence): Row[] {
  const merger = new RowMerger();
  for (const { body, document } of parsedDocuments(
    evidence,
    'iam:GetAccountAuthorizationDetails',
    authorizationDetailsResponse,
  )) {
    const users = body.UserDetailList ?? [];
    (body.GroupDetailList ?? []).forEach((group, index) =>
      merger.add(group.Arn, groupRow(group, users, document, index)),
    );
  }
  return merger.result(columns);
}

/** Steampipe's aws_iam_group (it has no tags columns in Steampipe). */
export const awsIamGroup: TableDefinition = {
  name: 'aws_iam_group',
  scope: 'global',
  columns,
  sources: ['iam:GetAccountAuthorizationDetails'],
  rows,
  key: (row) => String(row['arn']),
};

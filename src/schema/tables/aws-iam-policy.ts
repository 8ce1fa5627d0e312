import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import {
  authorizationDetailsResponse,
  listPoliciesResponse,
  type IamManagedPolicy,
  type IamManagedPolicyDetail,
} from '../aws-shapes/iam-shapes.js';
import type { Row } from '../column.js';
import type { ScopeEvidence, TableDefinition } from '../table-definition.js';
import {
  akasColumn,
  column,
  globalPlaceColumns,
  tagsColumn,
  tagsSrcColumn,
  titleColumn,
} from './account-columns.js';
import { parsedDocuments, RowMerger, tagColumns } from './account-row-values.js';
import { identityColumns, locate, policyColumns } from './iam-row-values.js';

const columns = [
  column('name', 'text', 'The friendly name that identifies the iam policy.'),
  // Not a Steampipe column: Steampipe's own aws_iam_instance_profile example reads p.policy_name.
  column('policy_name', 'text', 'The friendly name of the policy (as name).'),
  column('policy_id', 'text', 'The stable and unique string identifying the policy.'),
  column('path', 'text', 'The path to the policy.'),
  column('arn', 'text', 'The Amazon Resource Name (ARN) specifying the iam policy.'),
  column(
    'is_aws_managed',
    'boolean',
    'Specifies whether the policy is AWS Managed (true) or Customer Managed (false).',
  ),
  column(
    'is_attachable',
    'boolean',
    'Specifies whether the policy can be attached to an IAM user, group, or role.',
  ),
  column('create_date', 'timestamptz', 'The date and time, when the policy was created.'),
  column('update_date', 'timestamptz', 'The date and time, when the policy was last updated.'),
  column(
    'attachment_count',
    'bigint',
    'The number of entities (users, groups, and roles) that the policy is attached to.',
  ),
  column(
    'is_attached',
    'boolean',
    'Specifies whether the policy is attached to at least one IAM user, group, or role.',
  ),
  column(
    'default_version_id',
    'text',
    'The identifier for the version of the policy that is set as the default version.',
  ),
  column(
    'permissions_boundary_usage_count',
    'bigint',
    'The number of entities (users and roles) that use the policy as permissions boundary.',
  ),
  column('policy', 'jsonb', 'Contains the details about the policy.'),
  column('policy_std', 'jsonb', 'Contains the policy in a canonical form for easier searching.'),
  tagsSrcColumn('IAM policy'),
  tagsColumn,
  titleColumn,
  akasColumn,
  ...globalPlaceColumns,
];

/** AWS managed policies live in the account `aws`: arn:<partition>:iam::aws:policy/... */
function isAwsManaged(arn: string): boolean {
  return /^arn:[^:]+:iam::aws:policy/.test(arn);
}

function metadataRow(policy: IamManagedPolicy): Row {
  const count = policy.AttachmentCount ?? null;
  return {
    ...identityColumns(policy.PolicyName, policy.Arn),
    policy_name: policy.PolicyName,
    policy_id: policy.PolicyId ?? null,
    path: policy.Path ?? null,
    is_aws_managed: isAwsManaged(policy.Arn),
    is_attachable: policy.IsAttachable ?? null,
    create_date: policy.CreateDate ?? null,
    update_date: policy.UpdateDate ?? null,
    attachment_count: count,
    is_attached: count === null ? null : count > 0,
    default_version_id: policy.DefaultVersionId ?? null,
    permissions_boundary_usage_count: policy.PermissionsBoundaryUsageCount ?? null,
    // Neither the authorization details nor ListPolicies report tags (only GetPolicy does).
    ...(policy.Tags ? tagColumns(policy.Tags) : {}),
  };
}

/** The default version's document is the policy: the version marked default, or named so. */
function authorizationRow(
  policy: IamManagedPolicyDetail,
  document: EvidenceDocument,
  index: number,
): Row {
  const versions = policy.PolicyVersionList ?? [];
  const versionIndex = versions.findIndex(
    (version) =>
      version.IsDefaultVersion === true ||
      (policy.DefaultVersionId != null && version.VersionId === policy.DefaultVersionId),
  );
  const version = versions[versionIndex];
  const path = ['Policies', index, 'PolicyVersionList', versionIndex, 'Document'];
  const decoded = version ? policyColumns(version.Document, locate(document, path)) : undefined;
  return { ...metadataRow(policy), policy: decoded?.document, policy_std: decoded?.std };
}

function rows(evidence: ScopeEvidence): Row[] {
  const merger = new RowMerger();
  for (const { body, document } of parsedDocuments(
    evidence,
    'iam:GetAccountAuthorizationDetails',
    authorizationDetailsResponse,
  )) {
    (body.Policies ?? []).forEach((policy, index) =>
      merger.add(policy.Arn, authorizationRow(policy, document, index)),
    );
  }
  for (const { body } of parsedDocuments(evidence, 'iam:ListPolicies', listPoliciesResponse)) {
    for (const policy of body.Policies) merger.add(policy.Arn, metadataRow(policy));
  }
  return merger.result(columns);
}

/** Steampipe's aws_iam_policy: managed policies (customer and AWS managed). */
export const awsIamPolicy: TableDefinition = {
  name: 'aws_iam_policy',
  scope: 'global',
  columns,
  sources: ['iam:GetAccountAuthorizationDetails', 'iam:ListPolicies'],
  coveredBy: ['iam:GetAccountAuthorizationDetails', 'iam:ListPolicies'],
  rows,
  key: (row) => String(row['arn']),
};

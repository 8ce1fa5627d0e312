import { listAccountAliasesResponse } from '../aws-shapes/iam-shapes.js';
import { describeOrganizationResponse } from '../aws-shapes/organizations-shapes.js';
import { getCallerIdentityResponse } from '../aws-shapes/sts-shapes.js';
import type { Row } from '../column.js';
import type { ScopeEvidence, TableDefinition } from '../table-definition.js';
import { akasColumn, column, globalPlaceColumns, titleColumn } from './account-columns.js';
import { completeRow, known, parsedDocuments } from './account-row-values.js';

const columns = [
  column(
    'account_aliases',
    'jsonb',
    'A list of aliases associated with the account, if applicable.',
  ),
  column('arn', 'text', 'The Amazon Resource Name (ARN) specifying the account.'),
  column(
    'organization_id',
    'text',
    'The unique identifier (ID) of an organization, if applicable.',
  ),
  column('organization_arn', 'text', 'The Amazon Resource Name (ARN) of an organization.'),
  column(
    'organization_feature_set',
    'text',
    'The functionality available to the organization: ALL or CONSOLIDATED_BILLING.',
  ),
  column(
    'organization_master_account_arn',
    'text',
    'The ARN of the account that is designated as the management account for the organization.',
  ),
  column(
    'organization_master_account_email',
    'text',
    'The email address of the management account of the organization.',
  ),
  column(
    'organization_master_account_id',
    'text',
    'The unique identifier (ID) of the management account of an organization.',
  ),
  column(
    'organization_available_policy_types',
    'jsonb',
    'The policy types available in the organization, with their status.',
  ),
  titleColumn,
  akasColumn,
  ...globalPlaceColumns,
];

/**
 * One row for the scope's account when any of its identity evidence was collected: the caller
 * identity, the account aliases, or the organization it belongs to. What was not collected is
 * unknown (null); the title is the first alias, or the account id, as in Steampipe.
 */
function rows(evidence: ScopeEvidence): Row[] {
  const identities = parsedDocuments(evidence, 'sts:GetCallerIdentity', getCallerIdentityResponse);
  const aliasDocuments = parsedDocuments(
    evidence,
    'iam:ListAccountAliases',
    listAccountAliasesResponse,
  );
  const organizations = parsedDocuments(
    evidence,
    'organizations:DescribeOrganization',
    describeOrganizationResponse,
  );
  if (identities.length + aliasDocuments.length + organizations.length === 0) return [];
  const aliases =
    aliasDocuments.length === 0
      ? null
      : [...new Set(aliasDocuments.flatMap(({ body }) => body.AccountAliases))];
  const organization = organizations[0]?.body.Organization;
  const arn = `arn:${evidence.partition}:::${evidence.accountId}`;
  const row: Row = {
    account_aliases: aliases,
    arn,
    organization_id: known(organization?.Id),
    organization_arn: known(organization?.Arn),
    organization_feature_set: known(organization?.FeatureSet),
    organization_master_account_arn: known(organization?.MasterAccountArn),
    organization_master_account_email: known(organization?.MasterAccountEmail),
    organization_master_account_id: known(organization?.MasterAccountId),
    organization_available_policy_types: known(organization?.AvailablePolicyTypes),
    title: aliases?.[0] ?? evidence.accountId,
    akas: [arn],
    account_id: evidence.accountId,
  };
  return [completeRow(row, columns)];
}

/** Steampipe's aws_account. */
export const awsAccount: TableDefinition = {
  name: 'aws_account',
  scope: 'global',
  columns,
  sources: [
    'sts:GetCallerIdentity',
    'iam:ListAccountAliases',
    'organizations:DescribeOrganization',
  ],
  coveredBy: [
    'sts:GetCallerIdentity',
    'iam:ListAccountAliases',
    'organizations:DescribeOrganization',
  ],
  rows,
  key: (row) => String(row['account_id']),
};

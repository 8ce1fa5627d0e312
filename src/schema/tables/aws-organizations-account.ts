import { listAccountsResponse } from '../aws-shapes/organizations-shapes.js';
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
import { arnAkas, known, parsedDocuments, RowMerger } from './account-row-values.js';

const columns = [
  column('name', 'text', 'The friendly name of the account.'),
  column('id', 'text', 'The unique identifier (account ID) of the member account.'),
  column('arn', 'text', 'The Amazon Resource Name (ARN) of the account.'),
  column('status', 'text', 'The status of the account in the organization.'),
  column('email', 'text', 'The email address associated with the AWS account.'),
  column('joined_method', 'text', 'The method by which the account joined the organization.'),
  column(
    'joined_timestamp',
    'timestamptz',
    'The date the account became a part of the organization.',
  ),
  tagsSrcColumn('account'),
  tagsColumn,
  titleColumn,
  akasColumn,
  ...globalPlaceColumns,
];

/**
 * The member accounts as the management (or delegated administrator) account lists them: the
 * row's account_id is the listing account, `id` the member. Tags need ListTagsForResource, which
 * is not collected, so they stay unknown.
 */
function rows(evidence: ScopeEvidence): Row[] {
  const merger = new RowMerger();
  for (const { body } of parsedDocuments(
    evidence,
    'organizations:ListAccounts',
    listAccountsResponse,
  )) {
    for (const account of body.Accounts) {
      merger.add(account.Id, {
        name: known(account.Name),
        id: account.Id,
        arn: known(account.Arn),
        status: known(account.Status),
        email: known(account.Email),
        joined_method: known(account.JoinedMethod),
        joined_timestamp: known(account.JoinedTimestamp),
        title: known(account.Name),
        akas: arnAkas(account.Arn),
      });
    }
  }
  return merger.result(columns);
}

/** Steampipe's aws_organizations_account. */
export const awsOrganizationsAccount: TableDefinition = {
  name: 'aws_organizations_account',
  scope: 'global',
  columns,
  sources: ['organizations:ListAccounts'],
  rows,
  key: (row) => String(row['id']),
};

import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import {
  authorizationDetailsResponse,
  listInstanceProfilesResponse,
  type IamInstanceProfile,
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

/**
 * Steampipe's aws_iam_instance_profile columns, plus `name` (which lateral's graph reads) and the
 * role_arns / role_names shortcuts. It is the link from an EC2 instance (iam_instance_profile_arn)
 * to the roles whose credentials it carries.
 */
const columns = [
  column(
    'instance_profile_name',
    'text',
    'The friendly name that identifies the instance profile.',
  ),
  column('name', 'text', 'The friendly name of the instance profile (as instance_profile_name).'),
  column('arn', 'text', 'The Amazon Resource Name (ARN) specifying the instance profile.'),
  column(
    'instance_profile_id',
    'text',
    'The stable and unique string identifying the instance profile.',
  ),
  column('path', 'text', 'The path to the instance profile.'),
  column('create_date', 'timestamptz', 'The date and time when the instance profile was created.'),
  column(
    'roles',
    'jsonb',
    'The roles in the instance profile, as AWS returns them, trust policies decoded.',
  ),
  column('role_arns', 'jsonb', 'The ARNs of the roles in the instance profile.'),
  column('role_names', 'jsonb', 'The names of the roles in the instance profile.'),
  tagsSrcColumn('instance profile'),
  tagsColumn,
  titleColumn,
  akasColumn,
  ...globalPlaceColumns,
];

function profileRow(
  profile: IamInstanceProfile,
  document: EvidenceDocument,
  path: readonly PropertyKey[],
): Row {
  const roles = profile.Roles ?? [];
  return {
    ...identityColumns(profile.InstanceProfileName, profile.Arn),
    instance_profile_name: profile.InstanceProfileName,
    instance_profile_id: profile.InstanceProfileId ?? null,
    path: profile.Path ?? null,
    create_date: profile.CreateDate ?? null,
    roles: roles.map((role, index) => {
      const trust = policyColumns(
        role.AssumeRolePolicyDocument,
        locate(document, [...path, 'Roles', index, 'AssumeRolePolicyDocument']),
      );
      return trust === undefined ? role : { ...role, AssumeRolePolicyDocument: trust.document };
    }),
    role_arns: roles.map((role) => role.Arn),
    role_names: roles.map((role) => role.RoleName),
    // The listing APIs do not report an instance profile's tags unless they hold them.
    ...(profile.Tags ? tagColumns(profile.Tags) : {}),
  };
}

function rows(evidence: ScopeEvidence): Row[] {
  const merger = new RowMerger();
  for (const { body, document } of parsedDocuments(
    evidence,
    'iam:ListInstanceProfiles',
    listInstanceProfilesResponse,
  )) {
    body.InstanceProfiles.forEach((profile, index) =>
      merger.add(profile.Arn, profileRow(profile, document, ['InstanceProfiles', index])),
    );
  }
  for (const { body, document } of parsedDocuments(
    evidence,
    'iam:GetAccountAuthorizationDetails',
    authorizationDetailsResponse,
  )) {
    (body.RoleDetailList ?? []).forEach((role, roleIndex) =>
      (role.InstanceProfileList ?? []).forEach((profile, index) =>
        merger.add(
          profile.Arn,
          profileRow(profile, document, [
            'RoleDetailList',
            roleIndex,
            'InstanceProfileList',
            index,
          ]),
        ),
      ),
    );
  }
  return merger.result(columns);
}

/** aws_iam_instance_profile: one row per instance profile, from either IAM listing. */
export const awsIamInstanceProfile: TableDefinition = {
  name: 'aws_iam_instance_profile',
  scope: 'global',
  columns,
  sources: ['iam:ListInstanceProfiles', 'iam:GetAccountAuthorizationDetails'],
  coveredBy: ['iam:ListInstanceProfiles', 'iam:GetAccountAuthorizationDetails'],
  rows,
  key: (row) => String(row['arn']),
};

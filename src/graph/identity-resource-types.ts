/** IAM, Lambda, RDS, S3, accounts, the organization, and the principals of trust policies. */
import { arnSource, regionalPlace, type, type ResourceTypeSpec } from './resource-type-spec.js';
import { accountKey, arnAccount, arnName, arnPartition } from './sql-expressions.js';

const organizationIdOfAccountArn = `split_part(r.arn, '/', 2)`;

export const identityResourceTypes: readonly ResourceTypeSpec[] = [
  type({
    type: 'aws_iam_role',
    label: 'IAM role',
    icon: 'role',
    glyph: 'ROLE',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_role', 'name', [
        'description',
        'path',
        'create_date',
        'role_last_used_date',
        'permissions_boundary_arn',
        'inline_policies',
      ]),
    ],
  }),
  type({
    type: 'aws_iam_user',
    label: 'IAM user',
    icon: 'user',
    glyph: 'USER',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_user', 'name', [
        'path',
        'create_date',
        'password_last_used',
        'mfa_enabled',
        'inline_policies',
      ]),
    ],
  }),
  type({
    type: 'aws_iam_group',
    label: 'IAM group',
    icon: 'group',
    glyph: 'GRP',
    colour: '#dd344c',
    sources: [arnSource('aws_iam_group', 'name', ['path', 'inline_policies'])],
  }),
  type({
    type: 'aws_iam_policy',
    label: 'IAM policy',
    icon: 'policy',
    glyph: 'POL',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_policy', 'name', [
        'is_aws_managed',
        'attachment_count',
        'default_version_id',
        'path',
      ]),
    ],
  }),
  type({
    type: 'aws_iam_instance_profile',
    label: 'Instance profile',
    icon: 'badge',
    glyph: 'IP',
    colour: '#dd344c',
    sources: [
      arnSource('aws_iam_instance_profile', 'name', ['path', 'create_date', 'role_names']),
      // A role's instance_profile_arns names its profiles too, when ListInstanceProfiles is absent.
      {
        table: 'aws_iam_role',
        columns: ['instance_profile_arns', 'arn'],
        join:
          'cross join lateral jsonb_array_elements_text(' +
          "case jsonb_typeof(r.instance_profile_arns) when 'array' then r.instance_profile_arns " +
          "else '[]'::jsonb end) as p(arn)",
        key: 'p.arn',
        id: arnName('p.arn'),
        name: arnName('p.arn'),
        account: arnAccount('p.arn'),
        region: `'global'`,
        partition: arnPartition('p.arn'),
        properties: [],
        describesRow: false,
      },
    ],
  }),
  type({
    type: 'aws_lambda_function',
    label: 'Lambda function',
    icon: 'lambda',
    glyph: 'λ',
    colour: '#ed7100',
    sources: [
      arnSource(
        'aws_lambda_function',
        'name',
        ['runtime', 'handler', 'role', 'vpc_id', 'last_modified', 'state'],
        regionalPlace,
      ),
    ],
  }),
  type({
    type: 'aws_rds_db_instance',
    label: 'RDS DB instance',
    icon: 'database',
    glyph: 'RDS',
    colour: '#3b48cc',
    sources: [
      arnSource(
        'aws_rds_db_instance',
        'db_instance_identifier',
        [
          'engine',
          'engine_version',
          'class',
          'status',
          'publicly_accessible',
          'endpoint_address',
          'vpc_id',
        ],
        regionalPlace,
      ),
    ],
  }),
  type({
    type: 'aws_s3_bucket',
    label: 'S3 bucket',
    icon: 'bucket',
    glyph: 'S3',
    colour: '#7aa116',
    sources: [
      arnSource(
        'aws_s3_bucket',
        'name',
        ['creation_date', 'bucket_policy_is_public', 'block_public_acls'],
        regionalPlace,
      ),
    ],
  }),
  type({
    type: 'aws_account',
    label: 'AWS account',
    icon: 'account',
    glyph: 'ACCT',
    colour: '#232f3e',
    fold: { above: 10 },
    traverse: 'stop',
    sources: [
      {
        table: 'aws_account',
        columns: ['account_id', 'partition', 'account_aliases'],
        key: accountKey('r.account_id', "coalesce(r.partition, 'aws')"),
        id: 'r.account_id',
        name: `coalesce(r.account_aliases ->> 0, r.account_id)`,
        account: 'r.account_id',
        region: 'null',
        partition: `coalesce(r.partition, 'aws')`,
        properties: ['account_aliases', 'organization_id', 'organization_master_account_id'],
      },
      {
        table: 'aws_organizations_account',
        columns: ['id', 'partition', 'name'],
        key: accountKey('r.id', "coalesce(r.partition, 'aws')"),
        id: 'r.id',
        name: 'coalesce(r.name, r.id)',
        account: 'r.id',
        region: 'null',
        partition: `coalesce(r.partition, 'aws')`,
        properties: ['status', 'joined_method', 'joined_timestamp', 'parent_id'],
      },
    ],
  }),
  type({
    type: 'aws_organization',
    label: 'AWS Organization',
    icon: 'organization',
    glyph: 'ORG',
    colour: '#232f3e',
    traverse: 'stop',
    sources: [
      {
        table: 'aws_organizations_account',
        columns: ['arn', 'account_id'],
        where: `r.arn like '%:account/o-%'`,
        key:
          `('arn:' || ${arnPartition('r.arn')} || ':organizations::' || ` +
          `${arnAccount('r.arn')} || ':organization/' || ${organizationIdOfAccountArn})`,
        id: organizationIdOfAccountArn,
        name: organizationIdOfAccountArn,
        account: arnAccount('r.arn'),
        region: 'null',
        partition: arnPartition('r.arn'),
        properties: [],
        describesRow: false,
      },
      {
        table: 'aws_account',
        columns: ['organization_arn', 'organization_id', 'organization_master_account_id'],
        where: 'r.organization_arn is not null',
        key: 'r.organization_arn',
        id: 'coalesce(r.organization_id, r.organization_arn)',
        name: 'coalesce(r.organization_id, r.organization_arn)',
        account: 'r.organization_master_account_id',
        region: 'null',
        partition: arnPartition('r.organization_arn'),
        properties: ['organization_feature_set'],
        describesRow: false,
      },
    ],
  }),
  type({
    type: 'aws_principal_service',
    label: 'AWS service principal',
    icon: 'service',
    glyph: 'SVC',
    colour: '#5a6b86',
    traverse: 'stop',
  }),
  type({
    type: 'aws_principal_federated',
    label: 'Federated principal',
    icon: 'federated',
    glyph: 'FED',
    colour: '#5a6b86',
    traverse: 'stop',
  }),
  type({
    type: 'aws_principal_external_account',
    label: 'External AWS account',
    icon: 'account-external',
    glyph: 'EXT',
    colour: '#5a6b86',
    traverse: 'stop',
  }),
  type({
    type: 'aws_principal_any',
    label: 'Any AWS principal (*)',
    icon: 'anyone',
    glyph: '*',
    colour: '#b0084d',
    traverse: 'stop',
  }),
];

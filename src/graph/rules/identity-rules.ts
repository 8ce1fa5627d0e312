/** Edges of IAM and of the organization: who can assume what, what is attached, who owns what. */
import { accountKey, arnName, arnPartition } from '../sql-expressions.js';
import {
  arnRef,
  eachText,
  literal,
  rule,
  self,
  type Endpoint,
  type RelationshipRule,
} from '../rule-builder.js';

function attaches(table: string, owner: string): RelationshipRule {
  return rule({
    id: `${table}-policy`,
    label: 'attaches',
    from: owner,
    to: 'aws_iam_policy',
    table,
    columns: ['arn', 'attached_policy_arns'],
    fromEndpoint: self(owner),
    toEndpoint: arnRef('aws_iam_policy', 'a.v'),
    join: eachText('r.attached_policy_arns', 'a'),
    where: `a.v like 'arn:%'`,
  });
}

/** A principal of the role's trust policy, from lateral.policy_principals' (kind, principal). */
const trustedPrincipal: Endpoint = {
  key: `"lateral".principal_key(t.kind, t.principal, ${arnPartition('r.arn')})`,
  type: '"lateral".principal_type(t.kind, t.principal)',
  id: `(case when t.principal like 'arn:%' and t.principal not like '%:root' then ${arnName(
    't.principal',
  )} else coalesce("lateral".principal_account(t.kind, t.principal), t.principal) end)`,
  account: '"lateral".principal_account(t.kind, t.principal)',
  region: `'global'`,
};

const groupName = `(case jsonb_typeof(g.v) when 'string' then g.v #>> '{}' else g.v ->> 'GroupName' end)`;

/** A user's group: its ARN as the row gives it, else as the account's group of that name. */
const userGroup: Endpoint = {
  key:
    `coalesce(g.v ->> 'Arn', grp.arn, 'arn:' || ${arnPartition('r.arn')} || ':iam::' || ` +
    `r.account_id || ':group/' || ${groupName})`,
  type: literal('aws_iam_group'),
  id: groupName,
  account: 'r.account_id',
  region: `'global'`,
};

const organizationAccountKey = accountKey('r.id', `coalesce(r.partition, 'aws')`);

export const identityRules: readonly RelationshipRule[] = [
  rule({
    id: 'instance-profile-role',
    label: 'assumes',
    from: 'aws_iam_instance_profile',
    to: 'aws_iam_role',
    table: 'aws_iam_instance_profile',
    columns: ['arn', 'role_arns'],
    fromEndpoint: self('aws_iam_instance_profile'),
    toEndpoint: arnRef('aws_iam_role', 'a.v'),
    join: eachText('r.role_arns', 'a'),
    where: `a.v like 'arn:%'`,
  }),
  rule({
    id: 'role-instance-profile',
    label: 'assumes',
    from: 'aws_iam_instance_profile',
    to: 'aws_iam_role',
    table: 'aws_iam_role',
    columns: ['arn', 'instance_profile_arns'],
    fromEndpoint: arnRef('aws_iam_instance_profile', 'p.v'),
    toEndpoint: self('aws_iam_role'),
    join: eachText('r.instance_profile_arns', 'p'),
    where: `p.v like 'arn:%'`,
  }),
  attaches('aws_iam_role', 'aws_iam_role'),
  attaches('aws_iam_user', 'aws_iam_user'),
  attaches('aws_iam_group', 'aws_iam_group'),
  rule({
    id: 'role-trust-policy',
    label: 'can assume',
    from: [
      'aws_account',
      'aws_principal_external_account',
      'aws_iam_role',
      'aws_iam_user',
      'aws_principal_service',
      'aws_principal_federated',
      'aws_principal_any',
    ],
    to: 'aws_iam_role',
    table: 'aws_iam_role',
    columns: ['arn', 'assume_role_policy', 'assume_role_policy_std'],
    fromEndpoint: trustedPrincipal,
    toEndpoint: self('aws_iam_role'),
    join:
      'cross join lateral "lateral".policy_principals(' +
      'coalesce(r.assume_role_policy_std, r.assume_role_policy)) as t(kind, principal)',
    where: 't.principal is not null',
  }),
  rule({
    id: 'user-group',
    label: 'member of',
    from: 'aws_iam_user',
    to: 'aws_iam_group',
    table: 'aws_iam_user',
    columns: ['arn', 'account_id', 'groups'],
    also: { aws_iam_group: ['arn', 'name', 'account_id'] },
    fromEndpoint: self('aws_iam_user'),
    toEndpoint: userGroup,
    join:
      "cross join lateral jsonb_array_elements(case jsonb_typeof(r.groups) when 'array' " +
      "then r.groups else '[]'::jsonb end) as g(v) " +
      'left join lateral (select x.arn from public.aws_iam_group x ' +
      `where x.account_id = r.account_id and x.name = ${groupName} limit 1) grp on true`,
    where: `${groupName} is not null`,
  }),
  rule({
    id: 'organization-account',
    label: 'member account',
    from: 'aws_organization',
    to: 'aws_account',
    table: 'aws_organizations_account',
    columns: ['id', 'arn', 'partition'],
    fromEndpoint: self('aws_organization'),
    toEndpoint: {
      key: organizationAccountKey,
      type: literal('aws_account'),
      id: 'r.id',
      account: 'r.id',
      region: 'null',
    },
    where: `r.arn like '%:account/o-%' and r.id is not null`,
  }),
];

/**
 * Account → what it owns, over the collected nodes staged in `relation` (columns as
 * lateral.resource's, with `account_id` and `partition`). Placeholders are left out: their owner
 * is only what another account's evidence says.
 */
export function ownershipSelect(relation: string): string {
  return (
    `select ${accountKey('r.account_id', `coalesce(r.partition, 'aws')`)} as from_key, ` +
    `'aws_account' as from_type, r.account_id as from_id, r.account_id as from_account, ` +
    'null::text as from_region, r.key as to_key, r.type as to_type, r.id as to_id, ' +
    `r.account_id as to_account, r.region as to_region from ${relation} r ` +
    `where r.collected and r.account_id ~ '^[0-9]{12}$' and r.type <> 'aws_account'`
  );
}

export const ownershipLabel = 'owns';

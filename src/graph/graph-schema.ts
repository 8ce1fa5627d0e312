/**
 * The relationship graph's tables. `graphSchemaSql` is idempotent (CREATE ... IF NOT EXISTS), so
 * the store's migrations, deriveGraph and the reader may all run it.
 *
 * - `lateral.resource`: one row per node, collected or placeholder (collected = false).
 * - `lateral.edge`: one row per (from_key, to_key, label).
 * - `lateral.resource_term`: the lowercased search terms of each node (id, ARN, name, tag
 *   values, IPs, account id and name) with what kind of term each is, for exact and prefix search.
 */
export const graphSchemaSql = `
create schema if not exists "lateral";

create table if not exists "lateral".resource (
  key text not null,
  type text not null,
  id text not null,
  name text not null,
  account_id text,
  region text,
  partition text,
  collected boolean not null,
  properties jsonb not null default '{}'::jsonb,
  source_table text,
  search_text text not null default ''
);

create table if not exists "lateral".edge (
  from_key text not null,
  to_key text not null,
  label text not null
);

create table if not exists "lateral".resource_term (
  term text not null,
  key text not null,
  matched text not null
);

-- The principals of an IAM policy document's Allow statements, as (kind, principal):
-- kind is aws, service, federated or canonicaluser (lowercased); a bare "*" is kind aws.
create or replace function "lateral".policy_principals(policy jsonb)
returns table (kind text, principal text)
language sql immutable as $fn$
  with statement as (
    select st from jsonb_array_elements(
      case jsonb_typeof(policy -> 'Statement')
        when 'array' then policy -> 'Statement'
        when 'object' then jsonb_build_array(policy -> 'Statement')
        else '[]'::jsonb
      end) as s(st)
    where lower(st ->> 'Effect') = 'allow'
  ),
  entry as (
    select 'aws' as kind, st -> 'Principal' as value
      from statement where jsonb_typeof(st -> 'Principal') = 'string'
    union all
    select lower(p.key), p.value
      from statement, jsonb_each(st -> 'Principal') as p(key, value)
      where jsonb_typeof(st -> 'Principal') = 'object'
  )
  select kind, v #>> '{}' from entry, jsonb_array_elements(
    case jsonb_typeof(value) when 'array' then value else jsonb_build_array(value) end) as a(v)
  where jsonb_typeof(v) = 'string'
$fn$;

-- The graph key of a policy principal: an account (bare id or its :root ARN) is the account's
-- key arn:<partition>:::<id>; an IAM ARN is itself; services and others are prefixed by kind.
create or replace function "lateral".principal_key(kind text, principal text, part text)
returns text language sql immutable as $fn$
  select case
    when kind = 'aws' and principal = '*' then 'aws:*'
    when kind = 'aws' and principal ~ '^[0-9]{12}$' then 'arn:' || part || ':::' || principal
    when kind = 'aws' and principal ~ '^arn:[^:]+:iam::[0-9]{12}:root$'
      then 'arn:' || split_part(principal, ':', 2) || ':::' || split_part(principal, ':', 5)
    when kind in ('aws', 'federated') and principal like 'arn:%' then principal
    when kind = 'service' then 'service:' || principal
    else kind || ':' || principal
  end
$fn$;

create or replace function "lateral".principal_type(kind text, principal text)
returns text language sql immutable as $fn$
  select case
    when kind = 'aws' and principal = '*' then 'aws_principal_any'
    when kind = 'aws' and principal ~ '^arn:[^:]+:iam::[0-9]{12}:role/' then 'aws_iam_role'
    when kind = 'aws' and principal ~ '^arn:[^:]+:iam::[0-9]{12}:user/' then 'aws_iam_user'
    when kind = 'aws' then 'aws_principal_external_account'
    when kind = 'service' then 'aws_principal_service'
    else 'aws_principal_federated'
  end
$fn$;

create or replace function "lateral".principal_account(kind text, principal text)
returns text language sql immutable as $fn$
  select case
    when kind <> 'aws' then null
    when principal ~ '^[0-9]{12}$' then principal
    when split_part(principal, ':', 5) ~ '^[0-9]{12}$' then split_part(principal, ':', 5)
  end
$fn$;
`;

/**
 * Indexes, built after the bulk load (building them once is faster than maintaining them row by
 * row). Search uses exact and prefix lookups on resource_term; substring search uses a trigram
 * index when the pg_trgm extension is loaded, else a scan of search_text.
 */
export const graphIndexSql = `
create unique index if not exists resource_key_idx on "lateral".resource (key);
create index if not exists edge_from_idx on "lateral".edge (from_key);
create index if not exists edge_to_idx on "lateral".edge (to_key);
create index if not exists resource_term_term_idx on "lateral".resource_term (term text_pattern_ops);
`;

export const graphIndexNames = [
  'resource_key_idx',
  'edge_from_idx',
  'edge_to_idx',
  'resource_term_term_idx',
  'resource_search_trgm_idx',
] as const;

export const trigramIndexSql = `
create index if not exists resource_search_trgm_idx
  on "lateral".resource using gin (search_text gin_trgm_ops);
`;

/** The graph as SQL users see it, beside the Steampipe-named views. */
export const graphViewSql = `
create or replace view public.lateral_resource as
  select key, type, id, name, account_id, region, collected, properties from "lateral".resource;
create or replace view public.lateral_edge as
  select from_key, to_key, label from "lateral".edge;
`;

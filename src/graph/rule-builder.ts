/**
 * The small vocabulary relationship rules are written in. A rule is one SQL select over the
 * public views yielding both endpoints of each edge: key, type, id, account and region. Derivation
 * runs every rule, turns endpoints that are not collected nodes into placeholders, and keeps one
 * edge per (from, to, label).
 */
import type { ResourceType } from './graph-model.js';
import { resourceTypeSpec } from './resource-types.js';
import { arnAccount, arnName, ec2Key } from './sql-expressions.js';

/** One side of an edge, as SQL expressions. */
export interface Endpoint {
  key: string;
  /** A SQL expression giving the type; a quoted literal for most rules. */
  type: string;
  id: string;
  account: string;
  region: string;
}

export interface RelationshipRule {
  id: string;
  from: readonly ResourceType[];
  to: readonly ResourceType[];
  label: string;
  /** The views and columns the select reads; the rule is skipped when one is missing. */
  uses: Readonly<Record<string, readonly string[]>>;
  /** Yields from_key, from_type, from_id, from_account, from_region and the same for to_. */
  select: string;
}

export const endpointColumns = ['key', 'type', 'id', 'account', 'region'] as const;

export function literal(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** The row `r` itself as an endpoint, read as its type's first source reads it. */
export function self(resourceType: ResourceType): Endpoint {
  const source = resourceTypeSpec(resourceType).sources[0];
  if (source === undefined) throw new Error(`${resourceType} has no source to be an endpoint of`);
  return {
    key: source.key,
    type: literal(resourceType),
    id: source.id,
    account: source.account,
    region: source.region,
  };
}

/** An EC2 resource named by id, in the row's account and region unless given. */
export function ec2Ref(
  resourceType: ResourceType,
  kind: string,
  idSql: string,
  place: { account?: string; region?: string } = {},
): Endpoint {
  const account = place.account ?? 'r.account_id';
  const region = place.region ?? 'r.region';
  return {
    key: ec2Key(kind, idSql, { account, region }),
    type: literal(resourceType),
    id: idSql,
    account,
    region,
  };
}

/** A global IAM resource named by ARN. */
export function arnRef(resourceType: ResourceType, arnSql: string): Endpoint {
  return {
    key: arnSql,
    type: literal(resourceType),
    id: arnName(arnSql),
    account: arnAccount(arnSql),
    region: `'global'`,
  };
}

/** A rule from its parts: the select is built from the endpoints over `public.<table> r`. */
export function rule(spec: {
  id: string;
  label: string;
  from: ResourceType | readonly ResourceType[];
  to: ResourceType | readonly ResourceType[];
  table: string;
  columns: readonly string[];
  also?: Readonly<Record<string, readonly string[]>>;
  fromEndpoint: Endpoint;
  toEndpoint: Endpoint;
  join?: string;
  where: string;
}): RelationshipRule {
  const side = (prefix: string, endpoint: Endpoint) =>
    endpointColumns.map((column) => `${endpoint[column]} as ${prefix}_${column}`).join(', ');
  return {
    id: spec.id,
    label: spec.label,
    from: typeof spec.from === 'string' ? [spec.from] : spec.from,
    to: typeof spec.to === 'string' ? [spec.to] : spec.to,
    uses: { [spec.table]: spec.columns, ...spec.also },
    select:
      `select ${side('from', spec.fromEndpoint)}, ${side('to', spec.toEndpoint)}` +
      ` from public.${spec.table} r ${spec.join ?? ''} where ${spec.where}`,
  };
}

/** The elements of a jsonb array column as `alias(v)`, for a rule's join. */
export function eachElement(columnSql: string, alias: string): string {
  return (
    `cross join lateral jsonb_array_elements(case jsonb_typeof(${columnSql}) when 'array' ` +
    `then ${columnSql} else '[]'::jsonb end) as ${alias}(v)`
  );
}

/** The string elements of a jsonb array column as `alias(v)` (text). */
export function eachText(columnSql: string, alias: string): string {
  return (
    `cross join lateral jsonb_array_elements_text(case jsonb_typeof(${columnSql}) when 'array' ` +
    `then ${columnSql} else '[]'::jsonb end) as ${alias}(v)`
  );
}

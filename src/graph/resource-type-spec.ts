/**
 * The shape of a resource type's declaration, and the helpers the declarations use. No Node
 * imports: the web UI imports the registry too.
 */
import type { ResourceType } from './graph-model.js';
import { arnAccount, arnPartition, ec2Key, nameTagOr } from './sql-expressions.js';

/** How one source table's rows become nodes of a type. All SQL is over the row alias `r`. */
export interface ResourceSource {
  /** The public view (a Steampipe table name) the nodes are read from. */
  table: string;
  /** Columns the expressions need; the source is skipped when the view lacks one. */
  columns: readonly string[];
  /** Extra FROM items after `public.<table> r`, e.g. a lateral unnest. */
  join?: string;
  where?: string;
  key: string;
  id: string;
  name: string;
  account: string;
  region: string;
  partition?: string;
  /** Columns copied into the node's properties (those the view has), for hover and detail. */
  properties: readonly string[];
  /** IP addresses the node is found by in search. */
  ips?: readonly string[];
  /** False when a row only names the node (a role naming its profiles): no detail row. */
  describesRow?: boolean;
}

export interface FoldRule {
  /** Same-type neighbours over one label fold into a counted node when there are more than this. */
  above: number;
}

export interface ResourceTypeSpec {
  type: ResourceType;
  label: string;
  /** An icon id the UI maps to an inline SVG. */
  icon: string;
  /** A short glyph for text exports and icon fallbacks. */
  glyph: string;
  colour: string;
  /** Where nodes come from; none for placeholder-only types and for tables that become edges. */
  sources: readonly ResourceSource[];
  fold: FoldRule | null;
  /**
   * `stop`: a hub (an account, a service principal) appears in a neighbourhood, but the walk does
   * not continue through it, else every neighbourhood would hold the whole account.
   */
  traverse: 'expand' | 'stop';
}

export const regionalPlace = { account: 'r.account_id', region: 'r.region' } as const;
// IAM ARNs name their account; AWS-managed policies (`arn:aws:iam::aws:...`) belong to none.
export const globalPlace = { account: arnAccount('r.arn'), region: `'global'` } as const;

export function ec2Source(
  table: string,
  kind: string,
  idColumn: string,
  properties: readonly string[],
  extra: Partial<ResourceSource> = {},
): ResourceSource {
  const id = `r.${idColumn}`;
  return {
    table,
    where: `${id} is not null`,
    key: ec2Key(kind, id),
    id,
    name: nameTagOr(id),
    ...regionalPlace,
    properties,
    ...extra,
    columns: [idColumn, 'account_id', 'region', 'partition', 'tags', ...(extra.columns ?? [])],
  };
}

export function arnSource(
  table: string,
  idColumn: string,
  properties: readonly string[],
  place: { account: string; region: string } = globalPlace,
): ResourceSource {
  return {
    table,
    columns: ['arn', idColumn, 'account_id', 'region'],
    where: 'r.arn is not null',
    key: 'r.arn',
    id: `r.${idColumn}`,
    name: `coalesce(r.${idColumn}, r.arn)`,
    ...place,
    partition: arnPartition('r.arn'),
    properties,
  };
}

export function type(
  spec: Omit<ResourceTypeSpec, 'fold' | 'traverse' | 'sources'> &
    Partial<Pick<ResourceTypeSpec, 'fold' | 'traverse' | 'sources'>>,
): ResourceTypeSpec {
  return { fold: { above: 6 }, traverse: 'expand', sources: [], ...spec };
}

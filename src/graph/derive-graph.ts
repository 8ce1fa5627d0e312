/**
 * Derives the relationship graph from the public (Steampipe-named) views, inside the snapshot's
 * transaction: every step is one set-based statement, so 500k resources cost a few statements,
 * not 500k round trips.
 */
import { silentLogger, type Logger } from '../log/logger.js';
import type { StoreSession } from '../store/store.js';
import {
  graphIndexNames,
  graphIndexSql,
  graphSchemaSql,
  graphViewSql,
  trigramIndexSql,
} from './graph-schema.js';
import {
  ownershipLabel,
  ownershipSelect,
  relationshipRules,
  type RelationshipRule,
} from './relationship-rules.js';
import { resourceTypes, type ResourceSource } from './resource-types.js';
import { literal } from './rule-builder.js';

export interface DeriveGraphOptions {
  logger?: Logger;
  /** Account names known from the evidence (CloudMapper's config, a manifest), by account id. */
  accountNames?: ReadonlyMap<string, string>;
}

export interface DeriveGraphSummary {
  resources: number;
  placeholders: number;
  edges: number;
  /** Rules and sources not run because a view or column they read is missing. */
  skipped: string[];
  /** Whether substring search has a trigram index (pg_trgm loaded). */
  trigramSearch: boolean;
  milliseconds: number;
  /** Time of each step, for the benchmark. */
  steps: Record<string, number>;
}

type ViewColumns = Map<string, Set<string>>;

async function readViewColumns(session: StoreSession): Promise<ViewColumns> {
  const result = await session.query<{ table_name: string; column_name: string }>(
    `select table_name, column_name from information_schema.columns where table_schema = 'public'`,
  );
  const columns: ViewColumns = new Map();
  for (const row of result.rows) {
    const set = columns.get(row.table_name) ?? new Set<string>();
    set.add(row.column_name);
    columns.set(row.table_name, set);
  }
  return columns;
}

function missingOf(uses: Readonly<Record<string, readonly string[]>>, views: ViewColumns) {
  const missing: string[] = [];
  for (const [table, columns] of Object.entries(uses)) {
    const have = views.get(table);
    if (have === undefined) missing.push(table);
    else for (const column of columns) if (!have.has(column)) missing.push(`${table}.${column}`);
  }
  return missing;
}

const stageSql = `
create temporary table graph_node_stage (
  key text, type text, id text, name text, account_id text, region text, partition text,
  collected boolean, priority integer, properties jsonb, source_table text, tags jsonb, ips text[]
) on commit drop;
create temporary table graph_edge_stage (
  from_key text, from_type text, from_id text, from_account text, from_region text,
  to_key text, to_type text, to_id text, to_account text, to_region text, label text
) on commit drop;
`;

function sourceInsert(
  resourceType: string,
  source: ResourceSource,
  priority: number,
  have: Set<string>,
): string {
  const properties = source.properties.filter((column) => have.has(column));
  const propertySql =
    properties.length === 0
      ? `'{}'::jsonb`
      : `jsonb_strip_nulls(jsonb_build_object(${properties
          .map((column) => `${literal(column)}, r.${column}`)
          .join(', ')}))`;
  const table = source.describesRow === false ? 'null' : literal(source.table);
  const ips = (source.ips ?? []).map((ip) => `(${ip})::text`);
  const tags = have.has('tags')
    ? `(case jsonb_typeof(r.tags) when 'object' then r.tags end)`
    : 'null';
  return `insert into graph_node_stage
    select ${source.key}, ${literal(resourceType)}, ${source.id}, ${source.name},
      ${source.account}, ${source.region}, ${source.partition ?? `coalesce(r.partition, 'aws')`},
      true, ${priority}, ${propertySql}, ${table}, ${tags},
      array_remove(array[${ips.length === 0 ? 'null::text' : ips.join(', ')}], null)
    from public.${source.table} r ${source.join ?? ''}
    where ${source.where ?? 'true'}`;
}

function ruleInsert(rule: RelationshipRule): string {
  return `insert into graph_edge_stage select s.*, ${literal(rule.label)} from (${rule.select}) s`;
}

// Placeholders: every endpoint not staged as a collected node. Of two guesses for one key, the
// collected account type wins over "external account" (an account named only in a policy).
const placeholderSql = `
insert into graph_node_stage
select e.key, e.type, coalesce(e.id, e.key), coalesce(e.id, e.key), e.account, e.region,
  coalesce(nullif(split_part(e.key, ':', 2), ''), 'aws'), false,
  1000 + (e.type = 'aws_principal_external_account')::int, '{}'::jsonb, null, null, '{}'
from (
  select from_key as key, from_type as type, from_id as id, from_account as account,
    from_region as region from graph_edge_stage
  union all
  select to_key, to_type, to_id, to_account, to_region from graph_edge_stage
) e
where e.key is not null
  and not exists (select 1 from graph_node_stage n where n.key = e.key and n.collected)
`;

const resourceInsertSql = `
insert into "lateral".resource
  (key, type, id, name, account_id, region, partition, collected, properties, source_table,
   search_text)
select distinct on (n.key) n.key, n.type, coalesce(n.id, n.key), coalesce(n.name, n.id, n.key),
  n.account_id, n.region, n.partition, n.collected, coalesce(n.properties, '{}'::jsonb),
  n.source_table,
  lower(concat_ws(' ', n.key, n.id, n.name, n.account_id, array_to_string(n.ips, ' '),
    (select string_agg(t.value, ' ') from jsonb_each_text(n.tags) t)))
from graph_node_stage n
where n.key is not null
order by n.key, n.collected desc, n.priority
`;

// Search terms, lowercased: what a responder pastes (an id, an ARN, an IP) or types (a name).
const termInsertSql = `
insert into "lateral".resource_term (term, key, matched)
select lower(term), key, matched from (
  select r.id as term, r.key, 'id' as matched from "lateral".resource r
  union all select r.key, r.key, 'arn' from "lateral".resource r where r.key like 'arn:%'
  union all select r.name, r.key, 'name' from "lateral".resource r where r.name <> r.id
  union all select r.id, r.key, 'account' from "lateral".resource r where r.type = 'aws_account'
  union all select ip, n.key, 'ip' from graph_node_stage n, unnest(n.ips) ip where n.collected
  union all select t.value, n.key, 'tag' from graph_node_stage n, jsonb_each_text(n.tags) t
    where n.collected and n.tags is not null
) terms
where term is not null and term <> ''
`;

const edgeInsertSql = `
insert into "lateral".edge (from_key, to_key, label)
select distinct from_key, to_key, label from graph_edge_stage
where from_key is not null and to_key is not null and from_key <> to_key
`;

async function hasTrigram(session: StoreSession): Promise<boolean> {
  const result = await session.query(
    `select 1 from pg_available_extensions where name = 'pg_trgm'`,
  );
  if (result.rows.length === 0) return false;
  await session.exec('create extension if not exists pg_trgm');
  return true;
}

async function count(session: StoreSession, sql: string): Promise<number> {
  const result = await session.query<{ n: number | string }>(sql);
  return Number(result.rows[0]?.n ?? 0);
}

/**
 * Rebuilds lateral.resource, lateral.edge and lateral.resource_term from the public views, and
 * (re)creates the views public.lateral_resource and public.lateral_edge. Run it inside the
 * snapshot's transaction after all rows are written: it sees the rows the views show then.
 */
export async function deriveGraph(
  session: StoreSession,
  options: DeriveGraphOptions = {},
): Promise<DeriveGraphSummary> {
  const logger = options.logger ?? silentLogger;
  const started = performance.now();
  // Sorts, hashes and index builds of a few hundred thousand rows stay in memory (SET LOCAL ends
  // with the transaction); the defaults spill them to disk, several times slower.
  await session.exec(`set local work_mem = '256MB'; set local maintenance_work_mem = '512MB';`);
  await session.exec(graphSchemaSql);
  const views = await readViewColumns(session);
  await session.exec(
    'truncate "lateral".resource, "lateral".edge, "lateral".resource_term;' +
      graphIndexNames.map((name) => `drop index if exists "lateral".${name};`).join('\n') +
      stageSql,
  );

  const steps: Record<string, number> = {};
  let mark = performance.now();
  const step = (name: string) => {
    const now = performance.now();
    steps[name] = Math.round((steps[name] ?? 0) + now - mark);
    mark = now;
  };
  const skipped: string[] = [];
  let priority = 0;
  for (const spec of resourceTypes) {
    for (const source of spec.sources) {
      priority += 1;
      const missing = missingOf({ [source.table]: source.columns }, views);
      if (missing.length > 0) {
        skipped.push(`${spec.type} from ${source.table} (missing ${missing.join(', ')})`);
        continue;
      }
      const have = views.get(source.table) ?? new Set<string>();
      await session.query(sourceInsert(spec.type, source, priority, have));
      step(`nodes ${spec.type}`);
    }
  }
  for (const rule of relationshipRules) {
    const missing = missingOf(rule.uses, views);
    if (missing.length > 0) {
      skipped.push(`rule ${rule.id} (missing ${missing.join(', ')})`);
      continue;
    }
    await session.query(ruleInsert(rule));
    step(`rule ${rule.id}`);
  }
  await session.query(
    `insert into graph_edge_stage select s.*, ${literal(ownershipLabel)}
     from (${ownershipSelect('graph_node_stage')}) s`,
  );
  step('ownership');
  await session.exec('analyze graph_node_stage; analyze graph_edge_stage;');
  step('analyze stage');
  await session.query(placeholderSql);
  step('placeholders');
  if (options.accountNames !== undefined && options.accountNames.size > 0) {
    const names = [...options.accountNames];
    await session.query(
      `update graph_node_stage n set name = v.name
       from unnest($1::text[], $2::text[]) as v(id, name)
       where n.type in ('aws_account', 'aws_principal_external_account')
         and n.id = v.id and n.name = n.id`,
      [names.map(([id]) => id), names.map(([, name]) => name)],
    );
  }
  step('account names');
  await session.query(resourceInsertSql);
  step('resources');
  await session.query(termInsertSql);
  step('search terms');
  await session.query(edgeInsertSql);
  step('edges');
  await session.exec(graphIndexSql);
  step('indexes');
  const trigramSearch = await hasTrigram(session);
  if (trigramSearch) await session.exec(trigramIndexSql);
  step('trigram index');
  await session.exec(
    `${graphViewSql} analyze "lateral".resource; analyze "lateral".edge;` +
      'analyze "lateral".resource_term;',
  );
  step('analyze');

  const summary: DeriveGraphSummary = {
    resources: await count(session, 'select count(*) as n from "lateral".resource'),
    placeholders: await count(
      session,
      'select count(*) as n from "lateral".resource where not collected',
    ),
    edges: await count(session, 'select count(*) as n from "lateral".edge'),
    skipped,
    trigramSearch,
    milliseconds: Math.round(performance.now() - started),
    steps,
  };
  for (const reason of skipped) logger.warn(`graph: skipped ${reason}`);
  logger.info(
    `graph: ${summary.resources} resources (${summary.placeholders} not collected), ` +
      `${summary.edges} edges in ${summary.milliseconds} ms`,
  );
  return summary;
}

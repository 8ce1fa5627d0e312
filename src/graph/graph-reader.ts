/**
 * Read access to the derived graph for the HTTP API and `lateral graph`: search, a resource's
 * detail page, and bounded neighbourhoods.
 */
import type { Store, StoreSession } from '../store/store.js';
import type {
  GraphReader,
  Neighbourhood,
  RelatedResource,
  ResourceDetail,
  SearchResult,
} from './graph-model.js';
import { graphSchemaSql } from './graph-schema.js';
import { nodeColumns, toNode, type ResourceRow } from './node-rows.js';
import { queryCoverage } from './read/coverage-query.js';
import { defaultNodeCap, queryNeighbourhood } from './read/neighbourhood-query.js';
import { querySearch } from './read/search-query.js';
import { resourceTypeSpec } from './resource-types.js';

export interface GraphReaderOptions {
  /** Most nodes of a neighbourhood (default 2,000). */
  nodeCap?: number;
  /** Most related resources on a detail page (default 1,000). */
  relatedLimit?: number;
}

async function findNode(session: StoreSession, key: string) {
  const result = await session.query<ResourceRow & { source_table: string | null }>(
    `select ${nodeColumns('r')}, r.source_table from "lateral".resource r where r.key = $1`,
    [key],
  );
  const row = result.rows[0];
  return row === undefined ? undefined : { node: toNode(row), sourceTable: row.source_table };
}

/** The node's row in its Steampipe table, found by the same key expression derivation used. */
async function sourceRow(
  session: StoreSession,
  type: string,
  sourceTable: string | null,
  key: string,
): Promise<Record<string, unknown> | null> {
  const source = resourceTypeSpec(type).sources.find(
    (candidate) => candidate.table === sourceTable && candidate.describesRow !== false,
  );
  if (source === undefined) return null;
  const result = await session.query<{ row: Record<string, unknown> }>(
    `select to_jsonb(r) as row from public.${source.table} r where (${source.key}) = $1 limit 1`,
    [key],
  );
  return result.rows[0]?.row ?? null;
}

async function related(session: StoreSession, key: string, limit: number) {
  const result = await session.query<ResourceRow & { label: string; direction: 'out' | 'in' }>(
    `select * from (
       (select ${nodeColumns('n')}, e.label, 'out' as direction from "lateral".edge e
          join "lateral".resource n on n.key = e.to_key where e.from_key = $1 limit $2)
       union all
       (select ${nodeColumns('n')}, e.label, 'in' from "lateral".edge e
          join "lateral".resource n on n.key = e.from_key where e.to_key = $1 limit $2)
     ) x order by direction desc, label, name limit $2`,
    [key, limit],
  );
  return result.rows.map((row): RelatedResource => ({
    edge:
      row.direction === 'out'
        ? { from: key, to: row.key, label: row.label }
        : { from: row.key, to: key, label: row.label },
    direction: row.direction,
    node: toNode(row),
  }));
}

export function createGraphReader(store: Store, options: GraphReaderOptions = {}): GraphReader {
  const nodeCap = options.nodeCap ?? defaultNodeCap;
  const relatedLimit = options.relatedLimit ?? 1000;
  // A store never imported into has no graph tables yet: create them (empty) before reading.
  let ready: Promise<void> | undefined;
  const session = async (): Promise<StoreSession> => {
    ready ??= store.exec(graphSchemaSql);
    await ready;
    return store;
  };
  return {
    async search(query: string, limit: number): Promise<SearchResult[]> {
      return querySearch(await session(), query, limit);
    },
    async resource(key: string): Promise<ResourceDetail | undefined> {
      const db = await session();
      const found = await findNode(db, key);
      if (found === undefined) return undefined;
      const { node } = found;
      return {
        node,
        row: node.collected ? await sourceRow(db, node.type, found.sourceTable, key) : null,
        related: await related(db, key, relatedLimit),
        coverage: await queryCoverage(db, node),
      };
    },
    async neighbourhood(key: string, depth: number): Promise<Neighbourhood | undefined> {
      return queryNeighbourhood(await session(), key, { depth, nodeCap });
    },
  };
}

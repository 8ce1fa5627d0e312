/**
 * A bounded breadth-first walk of the graph in SQL, one statement per level: the neighbours of
 * the whole frontier at once, through the edge indexes in both directions.
 */
import type { StoreSession } from '../../store/store.js';
import type { Neighbourhood, ResourceNode } from '../graph-model.js';
import { nodeColumns, toEdge, toNode, type EdgeRow, type ResourceRow } from '../node-rows.js';
import { resourceTypeSpec } from '../resource-types.js';

export interface NeighbourhoodLimits {
  /** 1 to 3. */
  depth: number;
  /** Most nodes returned; the walk stops adding nodes there and sets `truncated`. */
  nodeCap: number;
}

export const defaultNodeCap = 2000;

async function fetchNodes(session: StoreSession, keys: readonly string[]) {
  if (keys.length === 0) return [];
  const result = await session.query<ResourceRow>(
    `select ${nodeColumns('r')} from "lateral".resource r where r.key = any($1::text[])`,
    [keys],
  );
  return result.rows.map(toNode);
}

async function neighbourKeys(
  session: StoreSession,
  frontier: readonly string[],
  limit: number,
): Promise<string[]> {
  const result = await session.query<{ key: string }>(
    `select key from (
       (select e.to_key as key, e.label from "lateral".edge e
         where e.from_key = any($1::text[]) limit $2)
       union all
       (select e.from_key, e.label from "lateral".edge e
         where e.to_key = any($1::text[]) limit $2)
     ) n group by key order by bool_and(label = 'owns'), key limit $2`,
    [frontier, limit],
  );
  return result.rows.map((row) => row.key);
}

/** The neighbourhood of `rootKey`, or undefined when there is no such node. */
export async function queryNeighbourhood(
  session: StoreSession,
  rootKey: string,
  limits: NeighbourhoodLimits,
): Promise<Neighbourhood | undefined> {
  const [root] = await fetchNodes(session, [rootKey]);
  if (root === undefined) return undefined;
  const depth = Math.min(3, Math.max(1, Math.trunc(limits.depth)));
  const nodes = new Map<string, ResourceNode>([[root.key, root]]);
  let frontier: ResourceNode[] = [root];
  let truncated = false;
  for (let level = 1; level <= depth && !truncated; level += 1) {
    // Hubs (accounts, service principals) are shown but not walked through, except the root.
    const expandable = frontier
      .filter((node) => node === root || resourceTypeSpec(node.type).traverse === 'expand')
      .map((node) => node.key);
    if (expandable.length === 0) break;
    const room = limits.nodeCap - nodes.size;
    const candidates = (await neighbourKeys(session, expandable, room + nodes.size + 1)).filter(
      (key) => !nodes.has(key),
    );
    if (candidates.length > room) truncated = true;
    const added = await fetchNodes(session, candidates.slice(0, Math.max(0, room)));
    for (const node of added) nodes.set(node.key, node);
    frontier = added;
  }
  const keys = [...nodes.keys()];
  const edges = await session.query<EdgeRow>(
    `select e.from_key, e.to_key, e.label from "lateral".edge e
     where e.from_key = any($1::text[]) and e.to_key = any($1::text[])`,
    [keys],
  );
  return {
    root: root.key,
    depth,
    nodes: [...nodes.values()],
    edges: edges.rows.map(toEdge),
    truncated,
  };
}

/** Conversion of the graph tables' snake_case rows to the graph model, at the boundary. */
import type { RelationshipEdge, ResourceNode } from './graph-model.js';

export interface ResourceRow {
  key: string;
  type: string;
  id: string;
  name: string;
  account_id: string | null;
  region: string | null;
  collected: boolean;
  properties: Record<string, unknown> | null;
}

export interface EdgeRow {
  from_key: string;
  to_key: string;
  label: string;
}

/** The node columns, for selects that return ResourceRow (prefix with a table alias). */
export function nodeColumns(alias: string): string {
  return ['key', 'type', 'id', 'name', 'account_id', 'region', 'collected', 'properties']
    .map((column) => `${alias}.${column}`)
    .join(', ');
}

export function toNode(row: ResourceRow): ResourceNode {
  return {
    key: row.key,
    type: row.type,
    id: row.id,
    name: row.name,
    accountId: row.account_id,
    region: row.region,
    collected: row.collected,
    properties: row.properties ?? {},
  };
}

export function toEdge(row: EdgeRow): RelationshipEdge {
  return { from: row.from_key, to: row.to_key, label: row.label };
}

import type { SearchResult } from '../../../src/graph/graph-model.js';

export interface ResultGroup {
  type: string;
  results: SearchResult[];
}

/** Results grouped by resource type, groups in the order their best result came. */
export function groupResults(results: readonly SearchResult[]): ResultGroup[] {
  const groups = new Map<string, SearchResult[]>();
  for (const result of results) {
    const group = groups.get(result.node.type) ?? [];
    group.push(result);
    groups.set(result.node.type, group);
  }
  return [...groups].map(([type, grouped]) => ({ type, results: grouped }));
}

/** The results in the order the grouped list shows them: what arrow keys step through. */
export function resultsInDisplayOrder(results: readonly SearchResult[]): SearchResult[] {
  return groupResults(results).flatMap((group) => group.results);
}

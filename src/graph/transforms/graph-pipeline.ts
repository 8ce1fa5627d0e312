import type { Neighbourhood } from '../graph-model.js';
import { dedupeGraph } from './dedupe-graph.js';
import { dropOwnershipEdges } from './drop-ownership-edges.js';
import { foldCrowded, type FoldOptions } from './fold-crowded.js';
import { trimByDistance } from './trim-by-distance.js';

export interface PipelineOptions {
  /** Drop nodes farther than this from the root (default: the neighbourhood's depth). */
  maxDistance?: number;
  /** Fold crowded neighbours (default true). */
  fold?: boolean | FoldOptions;
}

/**
 * The view of a neighbourhood the exports and the dashboard draw: deduped, trimmed, without the
 * ownership edges of nodes other than the root, folded.
 */
export function prepareGraph(graph: Neighbourhood, options: PipelineOptions = {}): Neighbourhood {
  const trimmed = dropOwnershipEdges(
    trimByDistance(dedupeGraph(graph), options.maxDistance ?? graph.depth),
  );
  if (options.fold === false) return trimmed;
  return foldCrowded(trimmed, options.fold === true ? {} : (options.fold ?? {}));
}

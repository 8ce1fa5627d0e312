import { toDot } from '../graph/export/dot-export.js';
import { toJson } from '../graph/export/json-export.js';
import { toMermaid } from '../graph/export/mermaid-export.js';
import type { Neighbourhood } from '../graph/graph-model.js';
import { prepareGraph } from '../graph/transforms/graph-pipeline.js';
import type { TextExportFormat } from './api-types.js';

export interface RenderedExport {
  text: string;
  contentType: string;
  fileName: string;
}

const formats: Record<
  TextExportFormat,
  { render: (graph: Neighbourhood) => string; contentType: string; extension: string }
> = {
  json: { render: toJson, contentType: 'application/json; charset=utf-8', extension: 'json' },
  dot: { render: toDot, contentType: 'text/vnd.graphviz; charset=utf-8', extension: 'dot' },
  mermaid: { render: toMermaid, contentType: 'text/plain; charset=utf-8', extension: 'mmd' },
};

/** A safe download name from the root's id: letters, digits, dot, dash, underscore. */
function fileBase(graph: Neighbourhood): string {
  const root = graph.nodes.find((node) => node.key === graph.root);
  const base = (root?.id ?? 'graph').replace(/[^A-Za-z0-9._-]+/g, '_').slice(0, 80);
  return `lateral-${base === '' ? 'graph' : base}`;
}

/**
 * A neighbourhood as a text export. Nothing is folded: a file for other tools carries every
 * node the dashboard could expand.
 */
export function renderGraphExport(graph: Neighbourhood, format: TextExportFormat): RenderedExport {
  const spec = formats[format];
  return {
    text: spec.render(prepareGraph(graph, { fold: false })),
    contentType: spec.contentType,
    fileName: `${fileBase(graph)}.${spec.extension}`,
  };
}

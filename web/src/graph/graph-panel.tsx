import type { Core } from 'cytoscape';
import { useCallback, useMemo, useRef, useState } from 'react';
import { toSvg, type Point } from '../../../src/graph/export/svg-export.js';
import type { Neighbourhood } from '../../../src/graph/graph-model.js';
import { fetchGraphExport } from '../api/api-client.js';
import type { ApiState } from '../api/use-api.js';
import { navigate } from '../router/navigation.js';
import { resourcePath } from '../router/routes.js';
import { downloadFile, exportFileName } from './download-file.js';
import type { DisplayGraph } from './display-graph.js';
import { displayGraph } from './fold-display.js';
import { GraphCanvas, type DrawnNode } from './graph-canvas.js';
import { GraphNodeList } from './graph-node-list.js';
import { GraphToolbar, type ExportFormat } from './graph-toolbar.js';

interface GraphPanelProps {
  resourceKey: string;
  resourceId: string;
  depth: number;
  /** The neighbourhood, fetched by the page beside the resource's detail. */
  state: ApiState<Neighbourhood>;
}

const textExports: Record<'json' | 'dot' | 'mermaid', { extension: string; type: string }> = {
  json: { extension: 'json', type: 'application/json' },
  dot: { extension: 'dot', type: 'text/vnd.graphviz' },
  mermaid: { extension: 'mmd', type: 'text/plain' },
};

/** The drawn graph as SVG, from the positions of the layout (src/graph/export writes it). */
function svgOf(cy: Core, graph: DisplayGraph | undefined): string {
  if (graph === undefined) throw new Error('The graph is not drawn yet.');
  const positions = new Map<string, Point>(
    cy.nodes().map((node) => [node.id(), { ...node.position() }] as const),
  );
  return toSvg(graph.prepared, positions);
}

/** The resource's neighbourhood: toolbar, canvas and the node list. */
export function GraphPanel({ resourceKey, resourceId, depth, state }: GraphPanelProps) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set<string>());
  const [drawn, setDrawn] = useState<DrawnNode[]>([]);
  const [exportError, setExportError] = useState<string | undefined>();
  const cyRef = useRef<Core | null>(null);

  const neighbourhood = state.status === 'ready' ? state.data : undefined;
  const graph = useMemo(
    () => (neighbourhood === undefined ? undefined : displayGraph(neighbourhood, expanded)),
    [neighbourhood, expanded],
  );
  const onOpen = useCallback((key: string) => navigate(resourcePath(key, depth)), [depth]);
  const onExpand = useCallback(
    (foldKey: string) => {
      const fold = graph?.nodes.find((node) => node.key === foldKey);
      if (fold?.kind !== 'fold') return;
      setExpanded((previous) => new Set([...previous, ...fold.members.map((node) => node.key)]));
    },
    [graph],
  );
  const onDrawn = useCallback((cy: Core, nodes: DrawnNode[]) => {
    cyRef.current = cy;
    setDrawn(nodes);
  }, []);

  const onExport = async (format: ExportFormat) => {
    setExportError(undefined);
    try {
      const cy = cyRef.current;
      if (format === 'png' || format === 'svg') {
        if (cy === null) throw new Error('The graph is not drawn yet.');
        const blob =
          format === 'png'
            ? cy.png({ output: 'blob', full: true, scale: 2, bg: '#ffffff' })
            : new Blob([svgOf(cy, graph)], { type: 'image/svg+xml' });
        downloadFile(exportFileName(resourceId, format), blob);
        return;
      }
      const text = await fetchGraphExport(resourceKey, depth, format);
      const { extension, type } = textExports[format];
      downloadFile(exportFileName(resourceId, extension), new Blob([text], { type }));
    } catch (error) {
      setExportError(error instanceof Error ? error.message : 'The export failed.');
    }
  };

  return (
    <section className="graph-panel" aria-label="Relationship graph">
      <h2>Relationship graph</h2>
      <GraphToolbar
        depth={depth}
        nodeCount={graph?.nodes.length ?? 0}
        edgeCount={graph?.edges.length ?? 0}
        onDepth={(next) => navigate(resourcePath(resourceKey, next))}
        onExport={(format) => void onExport(format)}
        exportError={exportError}
      />
      {state.status === 'loading' && <p className="muted graph-placeholder">Loading the graph…</p>}
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {graph !== undefined && (
        <>
          <GraphCanvas graph={graph} onOpen={onOpen} onExpand={onExpand} onDrawn={onDrawn} />
          <GraphNodeList graph={graph} drawn={drawn} onOpen={onOpen} onExpand={onExpand} />
        </>
      )}
    </section>
  );
}

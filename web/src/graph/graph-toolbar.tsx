interface GraphToolbarProps {
  depth: number;
  nodeCount: number;
  edgeCount: number;
  onDepth: (depth: number) => void;
  onExport: (format: ExportFormat) => void;
  exportError: string | undefined;
}

export const exportFormats = ['png', 'svg', 'json', 'dot', 'mermaid'] as const;
export type ExportFormat = (typeof exportFormats)[number];

const formatLabels: Record<ExportFormat, string> = {
  png: 'PNG',
  svg: 'SVG',
  json: 'JSON',
  dot: 'DOT',
  mermaid: 'Mermaid',
};

/** Depth of the neighbourhood and export of the graph shown. */
export function GraphToolbar(props: GraphToolbarProps) {
  return (
    <div className="graph-toolbar">
      <label>
        Depth{' '}
        <select
          aria-label="Graph depth"
          value={props.depth}
          onChange={(event) => props.onDepth(Number(event.target.value))}
        >
          {[1, 2, 3].map((depth) => (
            <option key={depth} value={depth}>
              {depth}
            </option>
          ))}
        </select>
      </label>
      <span className="muted">
        {props.nodeCount} nodes, {props.edgeCount} relationships
      </span>
      <span className="export-buttons">
        Export:
        {exportFormats.map((format) => (
          <button key={format} type="button" onClick={() => props.onExport(format)}>
            {formatLabels[format]}
          </button>
        ))}
      </span>
      {props.exportError !== undefined && <span className="error">{props.exportError}</span>}
    </div>
  );
}

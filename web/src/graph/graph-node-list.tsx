import { shortText } from '../format/display-text.js';
import { useAccountNames } from '../resource/account-names.js';
import type { DisplayGraph } from './display-graph.js';
import type { DrawnNode } from './graph-canvas.js';
import { nodeLines } from './graph-elements.js';

interface GraphNodeListProps {
  graph: DisplayGraph;
  drawn: readonly DrawnNode[];
  onOpen: (key: string) => void;
  onExpand: (foldKey: string) => void;
}

/**
 * The graph's nodes as a list, for keyboards and screen readers (a canvas is neither). Each item
 * records where its node was drawn.
 */
export function GraphNodeList({ graph, drawn, onOpen, onExpand }: GraphNodeListProps) {
  const accountNames = useAccountNames();
  const positions = new Map(drawn.map((node) => [node.key, node]));
  return (
    <details className="graph-node-list">
      <summary>List the {graph.nodes.length} nodes of this graph</summary>
      <ul>
        {graph.nodes.map((node) => {
          const position = positions.get(node.key);
          const [name, detail] = nodeLines(node, accountNames);
          return (
            <li
              key={node.key}
              data-key={node.key}
              data-x={position?.x.toFixed(1)}
              data-y={position?.y.toFixed(1)}
            >
              <button
                type="button"
                className="link-button"
                onClick={() => (node.kind === 'fold' ? onExpand(node.key) : onOpen(node.key))}
              >
                <bdi>{shortText(name ?? '', 80)}</bdi>
              </button>{' '}
              <span className="muted">{detail}</span>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

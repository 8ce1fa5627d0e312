import type { ElementDefinition } from 'cytoscape';
import { resourceTypeSpec } from '../../../src/graph/resource-types.js';
import { shortText } from '../format/display-text.js';
import { accountText } from '../resource/account-names.js';
import type { DisplayGraph, DisplayNode } from './display-graph.js';

const nameLimit = 34;
const accountLimit = 40;

/** The two lines a node shows: its name, then its type and account. */
export function nodeLines(node: DisplayNode, accountNames: ReadonlyMap<string, string>): string[] {
  if (node.kind === 'fold') {
    const spec = resourceTypeSpec(node.type);
    return [
      `${node.members.length} × ${spec.label}`,
      `${shortText(accountText(node.accountId, accountNames), accountLimit)} · click to expand`,
    ];
  }
  const spec = resourceTypeSpec(node.node.type);
  const collected = node.node.collected ? '' : ' · not collected';
  return [
    shortText(node.node.name, nameLimit),
    `${spec.glyph} · ${shortText(accountText(node.node.accountId, accountNames), accountLimit)}` +
      collected,
  ];
}

/** The graph as cytoscape elements; labels are canvas text, never markup. */
export function graphElements(
  graph: DisplayGraph,
  accountNames: ReadonlyMap<string, string>,
): ElementDefinition[] {
  const nodes: ElementDefinition[] = graph.nodes.map((node) => {
    const type = node.kind === 'fold' ? node.type : node.node.type;
    return {
      group: 'nodes',
      data: {
        id: node.key,
        label: nodeLines(node, accountNames).join('\n'),
        colour: resourceTypeSpec(type).colour,
      },
      classes: [
        node.kind,
        node.key === graph.root ? 'root' : '',
        node.kind === 'resource' && !node.node.collected ? 'placeholder' : '',
      ]
        .filter((name) => name !== '')
        .join(' '),
    };
  });
  const edges: ElementDefinition[] = graph.edges.map((edge, index) => ({
    group: 'edges',
    data: { id: `e${index}`, source: edge.from, target: edge.to, label: shortText(edge.label, 30) },
  }));
  return [...nodes, ...edges];
}

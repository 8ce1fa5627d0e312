import type { StylesheetStyle } from 'cytoscape';

export const nodeWidth = 200;
export const nodeHeight = 44;

/** How the graph looks: node borders in the type's colour, placeholders dashed, root marked. */
export const graphStyle: StylesheetStyle[] = [
  {
    selector: 'node',
    style: {
      shape: 'round-rectangle',
      width: nodeWidth,
      height: nodeHeight,
      'background-color': '#ffffff',
      'border-width': 2,
      'border-color': 'data(colour)',
      label: 'data(label)',
      'text-wrap': 'wrap',
      'text-max-width': `${nodeWidth - 12}px`,
      'text-valign': 'center',
      'text-halign': 'center',
      'font-size': 11,
      'font-family': 'system-ui, sans-serif',
      color: '#1a202c',
      'line-height': 1.3,
      'min-zoomed-font-size': 5,
    },
  },
  { selector: 'node.root', style: { 'border-width': 4, 'background-color': '#fff8d6' } },
  { selector: 'node.placeholder', style: { 'border-style': 'dashed', color: '#5a6478' } },
  {
    selector: 'node.fold',
    style: { 'background-color': '#eef2f7', 'border-style': 'double', 'border-width': 5 },
  },
  { selector: 'node.hover', style: { 'overlay-opacity': 0.08, 'overlay-color': '#1a202c' } },
  {
    selector: 'edge',
    style: {
      width: 1.2,
      'line-color': '#8a94a6',
      'target-arrow-color': '#8a94a6',
      'target-arrow-shape': 'triangle',
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 9,
      color: '#4a5568',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.85,
      'text-background-padding': '1px',
      // Edge labels too small to read are not drawn: on a large graph they cost most of a frame.
      'min-zoomed-font-size': 7,
    },
  },
];

import cytoscape, { type Core, type NodeSingular } from 'cytoscape';
import dagre from 'cytoscape-dagre';
import { useEffect, useRef, useState } from 'react';
import { useAccountNames } from '../resource/account-names.js';
import type { DisplayGraph, DisplayNode } from './display-graph.js';
import { graphElements } from './graph-elements.js';
import { graphStyle } from './graph-style.js';
import { NodeTooltip, type HoveredNode } from './node-tooltip.js';

cytoscape.use(dagre);

/** Below this zoom labels cannot be read: a large graph opens centred on its root instead. */
const readableZoom = 0.7;

function drawnNodes(cy: Core): DrawnNode[] {
  return cy.nodes().map((node) => {
    const position = node.renderedPosition();
    return { key: node.id(), x: position.x, y: position.y };
  });
}

/** Marks in the Performance timeline: the benchmark measures from a click to a drawn graph. */
export const graphMarks = {
  click: 'lateral:graph-click',
  layoutStart: 'lateral:graph-layout-start',
  layoutStop: 'lateral:graph-layout-stop',
  drawn: 'lateral:graph-drawn',
} as const;

export interface DrawnNode {
  key: string;
  /** The node's centre in pixels inside the canvas. */
  x: number;
  y: number;
}

interface GraphCanvasProps {
  graph: DisplayGraph;
  onOpen: (key: string) => void;
  onExpand: (foldKey: string) => void;
  /** The cytoscape instance once drawn, for exports; the drawn nodes, for the node list. */
  onDrawn: (cy: Core, nodes: DrawnNode[]) => void;
}

/** The relationship graph, laid out in layers from top to bottom (dagre). */
export function GraphCanvas({ graph, onOpen, onExpand, onDrawn }: GraphCanvasProps) {
  const container = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const [hovered, setHovered] = useState<HoveredNode | undefined>();
  const [state, setState] = useState<'drawing' | 'drawn'>('drawing');
  const accountNames = useAccountNames();
  const handlers = useRef({ onOpen, onExpand, onDrawn });
  handlers.current = { onOpen, onExpand, onDrawn };
  const byKey = useRef(new Map<string, DisplayNode>());

  useEffect(() => {
    if (container.current === null) return;
    const cy = cytoscape({
      container: container.current,
      style: graphStyle,
      minZoom: 0.05,
      maxZoom: 2.5,
      boxSelectionEnabled: false,
      autoungrabify: true,
    });
    cyRef.current = cy;
    cy.on('tap', 'node', (event) => {
      const key = (event.target as NodeSingular).id();
      const node = byKey.current.get(key);
      if (node === undefined) return;
      performance.mark(graphMarks.click);
      setHovered(undefined);
      if (node.kind === 'fold') handlers.current.onExpand(key);
      else handlers.current.onOpen(key);
    });
    cy.on('mouseover', 'node', (event) => {
      const target = event.target as NodeSingular;
      const node = byKey.current.get(target.id());
      target.addClass('hover');
      if (node !== undefined) {
        const position = target.renderedPosition();
        setHovered({ node, x: position.x, y: position.y });
      }
      if (container.current !== null) container.current.style.cursor = 'pointer';
    });
    cy.on('mouseout', 'node', (event) => {
      (event.target as NodeSingular).removeClass('hover');
      setHovered(undefined);
      if (container.current !== null) container.current.style.cursor = '';
    });
    let positionsPending = false;
    cy.on('viewport', () => {
      setHovered(undefined);
      if (positionsPending) return;
      positionsPending = true;
      requestAnimationFrame(() => {
        positionsPending = false;
        if (!cy.destroyed()) handlers.current.onDrawn(cy, drawnNodes(cy));
      });
    });
    return () => {
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  useEffect(() => {
    const cy = cyRef.current;
    if (cy === null) return;
    byKey.current = new Map(graph.nodes.map((node) => [node.key, node]));
    setState('drawing');
    setHovered(undefined);
    cy.batch(() => {
      cy.elements().remove();
      cy.add(graphElements(graph, accountNames));
    });
    const layout = cy.layout({
      name: 'dagre',
      rankDir: 'TB',
      nodeSep: 24,
      rankSep: 70,
      edgeSep: 8,
      animate: false,
      fit: true,
      padding: 24,
    } as cytoscape.LayoutOptions);
    layout.one('layoutstop', () => {
      performance.mark(graphMarks.layoutStop);
      if (cy.zoom() > 1.2) {
        cy.zoom(1.2);
        cy.center();
      } else if (cy.zoom() < readableZoom) {
        cy.zoom(readableZoom);
        cy.center(cy.getElementById(graph.root));
      }
      // The graph counts as drawn when the browser has painted the frame after the layout.
      requestAnimationFrame(() => {
        requestAnimationFrame(() => {
          if (cy.destroyed()) return;
          performance.mark(graphMarks.drawn);
          setState('drawn');
          handlers.current.onDrawn(cy, drawnNodes(cy));
        });
      });
    });
    performance.mark(graphMarks.layoutStart);
    layout.run();
  }, [graph, accountNames]);

  return (
    <div className="graph-canvas-frame">
      <div
        ref={container}
        className="graph-canvas"
        data-graph-state={state}
        data-node-count={graph.nodes.length}
        aria-label="Relationship graph"
        role="img"
      />
      {hovered !== undefined && <NodeTooltip hovered={hovered} />}
      <button
        type="button"
        className="fit-button"
        onClick={() => cyRef.current?.fit(undefined, 24)}
      >
        Show the whole graph
      </button>
    </div>
  );
}

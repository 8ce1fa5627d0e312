import { describe, expect, it } from 'vitest';
import type { Neighbourhood, ResourceNode } from '../graph-model.js';
import { dotString, toDot } from './dot-export.js';
import { toJson } from './json-export.js';
import { toMermaid } from './mermaid-export.js';
import { toSvg } from './svg-export.js';

// Names an attacker can give a resource through its Name tag.
const hostile = [
  'evil" ]; "x" -> "y" [label="owned',
  'line1\nline2\r\n}\ndigraph z {',
  '%%{init: {"theme":"dark"}}%%',
  'a]-->b[click b "javascript:alert(1)"]',
  '<script>alert(1)</script> & #quot; `code`',
  'back\\slash\\"',
];

function graphOf(names: readonly string[]): Neighbourhood {
  const nodes: ResourceNode[] = names.map((name, index) => ({
    key: `arn:aws:ec2:us-east-1:111122223333:instance/i-${index}`,
    type: 'aws_ec2_instance',
    id: `i-${index}`,
    name,
    accountId: '111122223333',
    region: 'us-east-1',
    collected: index % 2 === 0,
    properties: {},
  }));
  return {
    root: nodes[0]!.key,
    depth: 1,
    nodes,
    edges: nodes
      .slice(1)
      .map((n) => ({ from: nodes[0]!.key, to: n.key, label: 'security "group"' })),
  };
}

/** Reads back a DOT quoted string (the inverse of the escaping Graphviz applies). */
function undot(quoted: string): string {
  return quoted.slice(1, -1).replace(/\\(.)/g, (_, c: string) => (c === 'n' ? '\n' : c));
}

describe('DOT export of hostile names', () => {
  it('keeps every statement on one line with balanced quoted strings', () => {
    const dot = toDot(graphOf(hostile));
    const lines = dot.trimEnd().split('\n');
    expect(lines[0]).toBe('digraph lateral {');
    expect(lines.at(-1)).toBe('}');
    const quoted = /"(?:[^"\\]|\\.)*"/g;
    for (const line of lines.slice(1, -1)) {
      // Outside its quoted strings a line holds only DOT syntax: ids, =, [, ], ->, ;, commas.
      expect(line.replace(quoted, 'Q')).toMatch(/^\s+(Q|graph|node|edge)( -> Q)? \[[^"]*\];$/);
    }
    const statements = lines.map((line) => line.replace(quoted, 'Q'));
    expect(statements.filter((line) => line.includes(' -> '))).toHaveLength(hostile.length - 1);
  });

  it('round-trips the names through the escaping', () => {
    for (const name of hostile) {
      expect(undot(dotString(name))).toBe(name.replace(/\r\n|\r/g, '\n'));
    }
  });
});

describe('Mermaid export of hostile names', () => {
  it('writes labels with no character that Mermaid or HTML would interpret', () => {
    const mermaid = toMermaid(graphOf(hostile));
    const lines = mermaid.trimEnd().split('\n');
    expect(lines[0]).toBe('flowchart LR');
    for (const line of lines.slice(1)) {
      expect(line).toMatch(
        /^ {2}(n\d+\["[^"]*"\]|class n\d+ \w+|n\d+ -->\|"[^"]*"\| n\d+|classDef \w+ [\w:#-]+ ?[\d ]*)$/,
      );
    }
    expect(mermaid).not.toMatch(/<script|%%\{/);
    for (const label of mermaid.match(/"[^"]*"/g) ?? []) {
      expect(label.replace(/<br>|#\d+;/g, '')).not.toMatch(/[[\]{}<>|%;`\\]/);
    }
    expect(mermaid).toContain('#60;script#62;');
  });
});

describe('JSON and SVG exports', () => {
  it('writes the graph model as JSON that parses back to the same nodes', () => {
    const graph = graphOf(hostile);
    const parsed = JSON.parse(toJson(graph)) as Neighbourhood;
    expect(parsed.nodes.map((n) => n.name).sort()).toEqual([...hostile].sort());
  });

  it('escapes names in SVG text', () => {
    const graph = graphOf(hostile);
    const positions = new Map(graph.nodes.map((n, index) => [n.key, { x: index * 50, y: 0 }]));
    const svg = toSvg(graph, positions);
    expect(svg).not.toContain('<script>');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg.match(/<g>/g)).toHaveLength(hostile.length);
  });
});

/**
 * Graphviz DOT. Names and tags are attacker-controlled: every identifier and label is a quoted
 * DOT string with backslashes and quotes escaped and line breaks written as DOT's own `\n`
 * escapes, so no value can end the string, add attributes or inject statements.
 */
import type { Neighbourhood } from '../graph-model.js';
import { resourceTypeSpec } from '../resource-types.js';

function isControl(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f;
}

/** A DOT quoted string. Other control characters become spaces. */
export function dotString(text: string): string {
  const escaped = text
    .replace(/\\/g, '\\\\')
    .replace(/"/g, '\\"')
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, '\\n')
    .replace(/[^]/gu, (character) => (isControl(character) ? ' ' : character));
  return `"${escaped}"`;
}

export function toDot(graph: Neighbourhood): string {
  const lines = [
    'digraph lateral {',
    '  graph [rankdir=LR, fontname="Helvetica"];',
    '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=10];',
    '  edge [fontname="Helvetica", fontsize=9];',
  ];
  for (const node of graph.nodes) {
    const spec = resourceTypeSpec(node.type);
    const state = node.collected ? '' : '\nnot collected';
    const count = node.foldedMembers === undefined ? '' : `\n(${node.foldedMembers.length} folded)`;
    const attributes = [
      `label=${dotString(`${spec.glyph} ${node.name}${node.name === node.id ? '' : `\n${node.id}`}${state}${count}`)}`,
      `fillcolor=${dotString(`${spec.colour}33`)}`,
      `color=${dotString(spec.colour)}`,
      `tooltip=${dotString(node.key)}`,
    ];
    if (!node.collected) attributes.push('style="rounded,dashed"');
    if (node.key === graph.root) attributes.push('penwidth=3');
    lines.push(`  ${dotString(node.key)} [${attributes.join(', ')}];`);
  }
  for (const edge of graph.edges) {
    lines.push(
      `  ${dotString(edge.from)} -> ${dotString(edge.to)} [label=${dotString(edge.label)}];`,
    );
  }
  lines.push('}');
  return `${lines.join('\n')}\n`;
}

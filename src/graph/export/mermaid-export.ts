/**
 * Mermaid flowchart. Node ids are generated (n0, n1, ...), never taken from the data; every label
 * is a quoted string in which each character outside a small safe set is written as a Mermaid
 * entity code (`#35;`), so names cannot close the label, start a directive, add links or HTML.
 */
import type { Neighbourhood } from '../graph-model.js';
import { resourceTypeSpec } from '../resource-types.js';

const safe = /[A-Za-z0-9 .,:/_@+=-]/;

/** A Mermaid quoted label; a line break becomes `<br>`, which Mermaid renders as a new line. */
export function mermaidLabel(text: string): string {
  let out = '';
  for (const line of text.split(/\r\n|\r|\n/)) {
    if (out !== '') out += '<br>';
    for (const character of line) {
      const code = character.codePointAt(0) ?? 0;
      out += safe.test(character) ? character : `#${code};`;
    }
  }
  return `"${out}"`;
}

export function toMermaid(graph: Neighbourhood): string {
  const ids = new Map(graph.nodes.map((node, index) => [node.key, `n${index}`]));
  const lines = ['flowchart LR'];
  const classes = new Map<string, string>();
  for (const node of graph.nodes) {
    const spec = resourceTypeSpec(node.type);
    const state = node.collected ? '' : '\nnot collected';
    const label = mermaidLabel(
      `${spec.glyph} ${node.name}${node.name === node.id ? '' : `\n${node.id}`}${state}`,
    );
    lines.push(`  ${ids.get(node.key)}[${label}]`);
    if (!classes.has(node.type)) classes.set(node.type, `t${classes.size}`);
    lines.push(`  class ${ids.get(node.key)} ${classes.get(node.type)}`);
    if (!node.collected) lines.push(`  class ${ids.get(node.key)} notCollected`);
  }
  for (const edge of graph.edges) {
    const from = ids.get(edge.from);
    const to = ids.get(edge.to);
    if (from === undefined || to === undefined) continue;
    lines.push(`  ${from} -->|${mermaidLabel(edge.label)}| ${to}`);
  }
  for (const [type, className] of classes) {
    const colour = resourceTypeSpec(type).colour;
    if (/^#[0-9a-fA-F]{6}$/.test(colour)) lines.push(`  classDef ${className} stroke:${colour}`);
  }
  lines.push('  classDef notCollected stroke-dasharray:4 3');
  return `${lines.join('\n')}\n`;
}

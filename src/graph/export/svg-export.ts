/**
 * A standalone SVG of a laid-out neighbourhood (positions from the dashboard's layout). Every
 * text is XML-escaped; nothing from the data goes into an attribute other than escaped text.
 */
import type { Neighbourhood } from '../graph-model.js';
import { resourceTypeSpec } from '../resource-types.js';

export interface Point {
  x: number;
  y: number;
}

/** Whether XML 1.0 allows the character: tab, line breaks, and no other control character. */
function isXmlChar(character: string): boolean {
  const code = character.codePointAt(0) ?? 0;
  if (code === 0x9 || code === 0xa || code === 0xd) return true;
  return code >= 0x20 && code !== 0xfffe && code !== 0xffff;
}

export function xmlText(text: string): string {
  return text
    .replace(/[^]/gu, (character) => (isXmlChar(character) ? character : '\ufffd'))
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const colourPattern = /^#[0-9a-fA-F]{3,8}$/;

/** Nodes without a position are left out, with their edges. */
export function toSvg(graph: Neighbourhood, positions: ReadonlyMap<string, Point>): string {
  const placed = graph.nodes.filter((node) => positions.has(node.key));
  const xs = placed.map((node) => positions.get(node.key)?.x ?? 0);
  const ys = placed.map((node) => positions.get(node.key)?.y ?? 0);
  const margin = 80;
  const minX = Math.min(0, ...xs) - margin;
  const minY = Math.min(0, ...ys) - margin;
  const width = Math.max(0, ...xs) - minX + margin;
  const height = Math.max(0, ...ys) - minY + margin;
  const parts = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="${minX} ${minY} ${width} ${height}" ` +
      `width="${width}" height="${height}" font-family="Helvetica, Arial, sans-serif">`,
  ];
  for (const edge of graph.edges) {
    const from = positions.get(edge.from);
    const to = positions.get(edge.to);
    if (from === undefined || to === undefined) continue;
    parts.push(
      `<line x1="${from.x}" y1="${from.y}" x2="${to.x}" y2="${to.y}" stroke="#8a8f98"/>`,
      `<text x="${(from.x + to.x) / 2}" y="${(from.y + to.y) / 2}" font-size="9" ` +
        `fill="#5a6b86" text-anchor="middle">${xmlText(edge.label)}</text>`,
    );
  }
  for (const node of placed) {
    const point = positions.get(node.key) ?? { x: 0, y: 0 };
    const spec = resourceTypeSpec(node.type);
    const colour = colourPattern.test(spec.colour) ? spec.colour : '#5a6b86';
    const dash = node.collected ? '' : ' stroke-dasharray="4 3"';
    parts.push(
      `<g><title>${xmlText(node.key)}</title>` +
        `<circle cx="${point.x}" cy="${point.y}" r="14" fill="#ffffff" stroke="${colour}" ` +
        `stroke-width="2"${dash}/>` +
        `<text x="${point.x}" y="${point.y + 3}" font-size="8" text-anchor="middle">` +
        `${xmlText(spec.glyph)}</text>` +
        `<text x="${point.x}" y="${point.y + 28}" font-size="10" text-anchor="middle">` +
        `${xmlText(node.name)}</text></g>`,
    );
  }
  parts.push('</svg>');
  return `${parts.join('\n')}\n`;
}

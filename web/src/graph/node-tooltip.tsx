import { resourceTypeSpec } from '../../../src/graph/resource-types.js';
import { shortText, valueText } from '../format/display-text.js';
import { accountText, useAccountNames } from '../resource/account-names.js';
import type { DisplayNode } from './display-graph.js';

export interface HoveredNode {
  node: DisplayNode;
  /** Where to show the tooltip, in pixels inside the graph's container. */
  x: number;
  y: number;
}

const propertyLimit = 16;

function rows(node: DisplayNode, accountNames: ReadonlyMap<string, string>): [string, string][] {
  if (node.kind === 'fold') {
    return [
      ['type', resourceTypeSpec(node.type).label],
      ['account', accountText(node.accountId, accountNames)],
      ['folded', `${node.members.length} resources; click to show them`],
      ...node.members
        .slice(0, 8)
        .map((member, index): [string, string] => [index === 0 ? 'e.g.' : '', member.name]),
    ];
  }
  const resource = node.node;
  const properties = Object.entries(resource.properties)
    .filter(([, value]) => value !== null && value !== undefined && value !== '')
    .slice(0, propertyLimit)
    .map(([name, value]): [string, string] => [name, valueText(value)]);
  return [
    ['type', resourceTypeSpec(resource.type).label],
    ['id', resource.id],
    ['account', accountText(resource.accountId, accountNames)],
    ['region', resource.region ?? ''],
    ...(resource.collected
      ? []
      : [['collected', 'no: named by evidence only'] as [string, string]]),
    ...properties,
  ];
}

/** A node's properties on hover, as escaped text. */
export function NodeTooltip({ hovered }: { hovered: HoveredNode }) {
  const accountNames = useAccountNames();
  const title = hovered.node.kind === 'fold' ? 'Folded group' : hovered.node.node.name;
  return (
    <div
      className="node-tooltip"
      role="tooltip"
      style={{ left: hovered.x + 14, top: hovered.y + 14 }}
    >
      <p className="tooltip-title">
        <bdi>{shortText(title, 80)}</bdi>
      </p>
      <table>
        <tbody>
          {rows(hovered.node, accountNames).map(([name, value], index) => (
            <tr key={index}>
              <th scope="row">{name}</th>
              <td>
                <bdi>{shortText(value, 120)}</bdi>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

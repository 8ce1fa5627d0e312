import { InvalidArgumentError, type Command } from 'commander';
import { toDot } from '../../graph/export/dot-export.js';
import { toJson } from '../../graph/export/json-export.js';
import { toMermaid } from '../../graph/export/mermaid-export.js';
import type { GraphReader, Neighbourhood, ResourceNode } from '../../graph/graph-model.js';
import { createGraphReader } from '../../graph/graph-reader.js';
import { prepareGraph } from '../../graph/transforms/graph-pipeline.js';
import { addStoreOptions, openStoreFromOptions } from '../store-options.js';
import { UserError } from '../user-error.js';

const formats = {
  json: toJson,
  dot: toDot,
  mermaid: toMermaid,
} satisfies Record<string, (graph: Neighbourhood) => string>;

type Format = keyof typeof formats;

interface GraphOptions {
  depth: number;
  format: Format;
  fold: boolean;
}

function parseDepth(value: string): number {
  const depth = Number(value);
  if (!Number.isInteger(depth) || depth < 1 || depth > 3) {
    throw new InvalidArgumentError('the depth is 1, 2 or 3.');
  }
  return depth;
}

function parseFormat(value: string): Format {
  if (!(value in formats)) throw new InvalidArgumentError('the format is json, dot or mermaid.');
  return value as Format;
}

function describe(node: ResourceNode): string {
  const place = [node.accountId, node.region].filter(Boolean).join(' ');
  return `  ${node.key}  (${node.type}, ${node.name}${place ? `, ${place}` : ''})`;
}

/** The node a key, id or name names: the key itself, else the one exact search match. */
async function resolveNode(reader: GraphReader, text: string): Promise<string> {
  const detail = await reader.resource(text);
  if (detail !== undefined) return detail.node.key;
  const results = await reader.search(text, 50);
  const wanted = text.trim().toLowerCase();
  const exact = results.filter((result) =>
    [result.node.id, result.node.name, result.node.key].some(
      (value) => value.toLowerCase() === wanted,
    ),
  );
  const [only] = exact;
  if (only !== undefined && exact.length === 1) return only.node.key;
  const candidates = (exact.length > 0 ? exact : results).slice(0, 20).map((r) => r.node);
  if (candidates.length === 0) {
    throw new UserError(
      'no resource has that key, id, name, tag or IP. Try `lateral query` on ' +
        'lateral_resource, or check that the evidence holding it was imported.',
    );
  }
  const heading =
    exact.length > 1
      ? `${exact.length} resources match exactly; name one by its key:`
      : 'no exact match; resources that contain it:';
  throw new UserError(`${heading}\n${candidates.map(describe).join('\n')}`);
}

/** `lateral graph <key>`: a resource's neighbourhood as JSON, Graphviz DOT or Mermaid. */
export function registerGraphCommand(program: Command): void {
  const command = program
    .command('graph')
    .description("print a resource's relationship graph (what it reaches and what reaches it)")
    .argument('<resource>', 'an ARN or graph key, or an id, name or IP that names one resource')
    .option('-d, --depth <n>', 'hops from the resource: 1, 2 or 3', parseDepth, 2)
    .option('-f, --format <format>', 'json, dot or mermaid', parseFormat, 'json' as Format)
    .option('--no-fold', 'show every neighbour instead of folding crowded ones into a count');
  addStoreOptions(command);
  command.action(async (resource: string, options: GraphOptions) => {
    const store = await openStoreFromOptions(command.opts());
    try {
      const reader = createGraphReader(store);
      const key = await resolveNode(reader, resource);
      const graph = await reader.neighbourhood(key, options.depth);
      if (graph === undefined) throw new UserError('that resource left the store while reading.');
      process.stdout.write(formats[options.format](prepareGraph(graph, { fold: options.fold })));
      if (graph.truncated === true) {
        console.error(
          `lateral: the graph was cut at its node cap; lower --depth to see all of it.`,
        );
      }
    } finally {
      await store.close();
    }
  });
}

import { api } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { SafeText } from '../format/safe-text.js';
import { GraphPanel } from '../graph/graph-panel.js';
import { CoverageNotes } from './coverage-notes.js';
import { OverviewTable } from './overview-table.js';
import { RelatedTables } from './related-tables.js';
import { ResourceHeading } from './resource-heading.js';
import { SecurityGroupRulesTable } from './security-group-rules-table.js';
import { TagsTable } from './tags-table.js';

/** One resource's page: heading, coverage, graph, overview, tags, rules and related tables. */
export function ResourcePage({ resourceKey, depth }: { resourceKey: string; depth: number }) {
  const state = useApi((signal) => api.resource(resourceKey, signal), [resourceKey]);
  // Fetched beside the detail, not after it: a click to a drawn graph is one round trip.
  const graph = useApi((signal) => api.graph(resourceKey, depth, signal), [resourceKey, depth]);
  if (state.status === 'loading') {
    return (
      <main className="page">
        <p className="muted">Loading…</p>
      </main>
    );
  }
  if (state.status === 'error') {
    return (
      <main className="page">
        <h1>Cannot show this resource</h1>
        <p className="error">{state.message}</p>
        <p className="mono">
          <SafeText text={resourceKey} limit={300} />
        </p>
      </main>
    );
  }
  const detail = state.data;
  return (
    <main className="page resource-page" data-resource-type={detail.node.type}>
      <ResourceHeading node={detail.node} />
      <CoverageNotes node={detail.node} notes={detail.coverage} />
      <GraphPanel
        key={`${resourceKey} ${depth}`}
        resourceKey={resourceKey}
        resourceId={detail.node.id}
        depth={depth}
        state={graph}
      />
      <div className="columns">
        <OverviewTable detail={detail} />
        <TagsTable row={detail.row} />
      </div>
      {detail.node.type === 'aws_vpc_security_group' && (
        <SecurityGroupRulesTable row={detail.row} />
      )}
      <RelatedTables related={detail.related} />
    </main>
  );
}

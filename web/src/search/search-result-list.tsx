import type { SearchResult } from '../../../src/graph/graph-model.js';
import { SafeText } from '../format/safe-text.js';
import { TypeBadge } from '../resource/type-badge.js';
import { resourceTypeSpec } from '../../../src/graph/resource-types.js';
import { AccountLabel } from '../resource/account-label.js';
import { Link } from '../router/link.js';
import { resourcePath } from '../router/routes.js';
import { groupResults } from './group-results.js';

interface SearchResultListProps {
  results: readonly SearchResult[];
  /** The key of the result the arrow keys are on. */
  activeKey?: string | undefined;
  idPrefix: string;
  onChoose?: () => void;
}

/** Search results grouped by type, each with its account and region. */
export function SearchResultList({
  results,
  activeKey,
  idPrefix,
  onChoose,
}: SearchResultListProps) {
  return (
    <div className="result-groups">
      {groupResults(results).map((group) => (
        <section
          key={group.type}
          className="result-group"
          aria-label={resourceTypeSpec(group.type).label}
        >
          <h3 className="result-group-title">
            <TypeBadge type={group.type} /> <span className="count">{group.results.length}</span>
          </h3>
          <ul role="listbox" className="result-items">
            {group.results.map((result) => (
              <li
                key={result.node.key}
                id={`${idPrefix}-${encodeURIComponent(result.node.key)}`}
                role="option"
                aria-selected={result.node.key === activeKey}
                className={result.node.key === activeKey ? 'result-item active' : 'result-item'}
                onClick={onChoose}
              >
                <Link to={resourcePath(result.node.key)} className="result-link">
                  <SafeText text={result.node.name} limit={80} className="result-name" />
                  {result.node.name !== result.node.id && (
                    <SafeText text={result.node.id} limit={60} className="result-id mono" />
                  )}
                  <span className="result-place">
                    <AccountLabel accountId={result.node.accountId} />
                    {result.node.region !== null && (
                      <span className="region">{result.node.region}</span>
                    )}
                    <span className="matched">matched {result.matched}</span>
                    {!result.node.collected && <span className="badge-muted">not collected</span>}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </div>
  );
}

import type { DashboardSummary } from '../../../src/server/api-types.js';
import { api } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { SafeText } from '../format/safe-text.js';
import { AccountLabel } from '../resource/account-label.js';
import { TypeBadge } from '../resource/type-badge.js';

function countsByAccount(summary: DashboardSummary) {
  const accounts = new Map<string | null, DashboardSummary['counts']>();
  for (const count of summary.counts) {
    const list = accounts.get(count.accountId) ?? [];
    list.push(count);
    accounts.set(count.accountId, list);
  }
  return [...accounts];
}

/** The first page: what the store holds by account, and what was not collected. */
export function HomePage() {
  const summary = useApi((signal) => api.summary(signal), []);
  const coverage = useApi((signal) => api.coverage(signal), []);
  return (
    <main className="page">
      <h1>What could the attacker reach from here?</h1>
      <p>
        Search for the compromised host by its id, name, IP or a tag value (press <kbd>/</kbd>),
        then follow the graph.
      </p>
      {coverage.status === 'ready' && coverage.data.notes.length > 0 && (
        <section className="coverage" aria-label="Coverage">
          <h2>Not collected</h2>
          <ul>
            {coverage.data.notes.map((note, index) => (
              <li key={index}>
                <SafeText text={note.message} limit={400} />
              </li>
            ))}
          </ul>
        </section>
      )}
      {summary.status === 'loading' && <p className="muted">Loading…</p>}
      {summary.status === 'error' && <p className="error">{summary.message}</p>}
      {summary.status === 'ready' && summary.data.counts.length === 0 && (
        <p>The store is empty: import evidence with `lateral import` first.</p>
      )}
      {summary.status === 'ready' &&
        countsByAccount(summary.data).map(([accountId, counts]) => (
          <section key={accountId ?? 'none'} className="account-summary">
            <h2>
              <AccountLabel accountId={accountId} />
            </h2>
            <table className="list">
              <tbody>
                {counts.map((count) => (
                  <tr key={count.type}>
                    <td>
                      <TypeBadge type={count.type} />
                    </td>
                    <td className="number">{count.count}</td>
                    <td className="muted">
                      {count.placeholders > 0 && `${count.placeholders} not collected`}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        ))}
    </main>
  );
}

import { api } from '../api/api-client.js';
import { useApi } from '../api/use-api.js';
import { SafeText } from '../format/safe-text.js';
import { SearchResultList } from './search-result-list.js';

/** All results of a search, for Enter without a chosen result. */
export function SearchPage({ query }: { query: string }) {
  const state = useApi((signal) => api.search(query, signal), [query]);
  return (
    <main className="page">
      <h1>
        Results for “<SafeText text={query} limit={120} />”
      </h1>
      {state.status === 'loading' && <p className="muted">Searching…</p>}
      {state.status === 'error' && <p className="error">{state.message}</p>}
      {state.status === 'ready' && state.data.results.length === 0 && (
        <p>Nothing matches. Search takes ids, ARNs, names, tag values, IPs and account ids.</p>
      )}
      {state.status === 'ready' && (
        <SearchResultList results={state.data.results} idPrefix="search-page" />
      )}
    </main>
  );
}

import { useMemo } from 'react';
import { api } from './api/api-client.js';
import { useApi } from './api/use-api.js';
import { HomePage } from './home/home-page.js';
import { AccountNamesContext } from './resource/account-names.js';
import { ResourcePage } from './resource/resource-page.js';
import { Link } from './router/link.js';
import { useAppLocation } from './router/navigation.js';
import { parseRoute } from './router/routes.js';
import { SearchBox } from './search/search-box.js';
import { SearchPage } from './search/search-page.js';

function CurrentPage() {
  const location = useAppLocation();
  const route = parseRoute(location.pathname, location.search);
  switch (route.page) {
    case 'home':
      return <HomePage />;
    case 'search':
      return <SearchPage query={route.query} />;
    case 'resource':
      return <ResourcePage resourceKey={route.key} depth={route.depth} />;
    case 'not-found':
      return (
        <main className="page">
          <h1>No such page</h1>
          <p>
            <Link to="/">Start from the summary</Link> or search above.
          </p>
        </main>
      );
  }
}

/** The dashboard: a header with search on every page, then the page the URL names. */
export function App() {
  const summary = useApi((signal) => api.summary(signal), []);
  const accountNames = useMemo(() => {
    const names = new Map<string, string>();
    if (summary.status === 'ready') {
      for (const account of summary.data.accounts) {
        if (account.name !== null) names.set(account.accountId, account.name);
      }
    }
    return names;
  }, [summary]);
  return (
    <AccountNamesContext.Provider value={accountNames}>
      <header className="app-header">
        <Link to="/" className="brand">
          lateral
        </Link>
        <SearchBox />
      </header>
      <CurrentPage />
    </AccountNamesContext.Provider>
  );
}

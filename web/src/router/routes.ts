/** The dashboard's URLs. A resource's page names its key, so it can be shared and reopened. */

export const defaultDepth = 1;
export const maximumDepth = 3;

export type Route =
  | { page: 'home' }
  | { page: 'search'; query: string }
  | { page: 'resource'; key: string; depth: number }
  | { page: 'not-found' };

export function resourcePath(key: string, depth = defaultDepth): string {
  const base = `/r/${encodeURIComponent(key)}`;
  return depth === defaultDepth ? base : `${base}?depth=${depth}`;
}

export function searchPath(query: string): string {
  return `/search?q=${encodeURIComponent(query)}`;
}

function parseDepth(raw: string | null): number {
  const depth = Number(raw ?? defaultDepth);
  return Number.isInteger(depth) && depth >= 1 && depth <= maximumDepth ? depth : defaultDepth;
}

export function parseRoute(pathname: string, search: string): Route {
  const params = new URLSearchParams(search);
  if (pathname === '/' || pathname === '') return { page: 'home' };
  if (pathname === '/search') return { page: 'search', query: params.get('q') ?? '' };
  if (pathname.startsWith('/r/')) {
    try {
      const key = decodeURIComponent(pathname.slice('/r/'.length));
      if (key !== '') return { page: 'resource', key, depth: parseDepth(params.get('depth')) };
    } catch {
      return { page: 'not-found' };
    }
  }
  return { page: 'not-found' };
}

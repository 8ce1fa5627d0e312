import type {
  Neighbourhood,
  ResourceDetail,
  SearchResult,
} from '../../../src/graph/graph-model.js';
import type { CoverageResponse, DashboardSummary } from '../../../src/server/api-types.js';

/** An API call that failed, with the server's message (never a stack). */
export class ApiCallError extends Error {
  constructor(
    message: string,
    readonly status: number,
  ) {
    super(message);
  }
}

function apiUrl(path: string, params: Record<string, string | number> = {}): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) query.set(name, String(value));
  const search = query.toString();
  return search === '' ? `/api/${path}` : `/api/${path}?${search}`;
}

async function failure(response: Response): Promise<ApiCallError> {
  let message = `The server answered ${response.status}.`;
  try {
    const body = (await response.json()) as { error?: unknown };
    if (typeof body.error === 'string') message = body.error;
  } catch {
    // A body that is not JSON: the status alone says what happened.
  }
  return new ApiCallError(message, response.status);
}

async function getJson<T>(url: string, signal?: AbortSignal): Promise<T> {
  const response = await fetch(url, { signal, credentials: 'same-origin' });
  if (!response.ok) throw await failure(response);
  return (await response.json()) as T;
}

/** Fetches a text export of a graph (JSON, DOT, Mermaid). */
export async function fetchGraphExport(
  key: string,
  depth: number,
  format: string,
): Promise<string> {
  const response = await fetch(apiUrl('graph/export', { key, depth, format }));
  if (!response.ok) throw await failure(response);
  return response.text();
}

export const api = {
  search: (query: string, signal?: AbortSignal) =>
    getJson<{ results: SearchResult[] }>(apiUrl('search', { q: query, limit: 50 }), signal),
  resource: (key: string, signal?: AbortSignal) =>
    getJson<ResourceDetail>(apiUrl('resource', { key }), signal),
  graph: (key: string, depth: number, signal?: AbortSignal) =>
    getJson<Neighbourhood>(apiUrl('graph', { key, depth }), signal),
  summary: (signal?: AbortSignal) => getJson<DashboardSummary>(apiUrl('summary'), signal),
  coverage: (signal?: AbortSignal) => getJson<CoverageResponse>(apiUrl('coverage'), signal),
};

import { hostname, networkInterfaces } from 'node:os';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { tokenMatches } from './access-token.js';

/** The cookie that carries the token after the printed URL was opened once. */
export const tokenCookieName = 'lateral_token';
/** The header API clients may send the token in instead of the cookie. */
export const tokenHeaderName = 'X-Lateral-Token';

export interface AccessGuardOptions {
  /** The Host header values accepted: computed when the port is known. */
  allowedHosts: () => ReadonlySet<string>;
  /** Required on every request when set (the dashboard listens beyond loopback). */
  token: string | undefined;
}

function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

function denied(context: Context, status: 401 | 403 | 421, message: string): Response {
  if (isApiPath(context.req.path)) return context.json({ error: message }, status);
  return context.text(message, status);
}

function presentedToken(context: Context): string | undefined {
  const header = context.req.header(tokenHeaderName);
  if (header !== undefined) return header;
  const authorization = context.req.header('Authorization');
  if (authorization?.startsWith('Bearer ') === true) return authorization.slice('Bearer '.length);
  return getCookie(context, tokenCookieName);
}

/**
 * Rejects requests whose Host header is not the dashboard's own (a DNS-rebinding page would send
 * its own name), and, when a token is set, requests that do not carry it. Opening the printed
 * URL (`?token=...`) once stores the token in an HttpOnly cookie and redirects to the same page
 * without it, so the token does not stay in the address bar or the history.
 */
export function accessGuardMiddleware(options: AccessGuardOptions): MiddlewareHandler {
  return async (context, next) => {
    const host = context.req.header('Host')?.toLowerCase();
    if (host === undefined || !options.allowedHosts().has(host)) {
      return denied(context, 421, 'This address is not the one lateral serve listens on.');
    }
    const token = options.token;
    if (token === undefined) return next();
    const url = new URL(context.req.url);
    const queryToken = url.searchParams.get('token');
    if (queryToken !== null && !isApiPath(url.pathname) && tokenMatches(token, queryToken)) {
      setCookie(context, tokenCookieName, token, {
        httpOnly: true,
        sameSite: 'Strict',
        path: '/',
      });
      url.searchParams.delete('token');
      return context.redirect(`${url.pathname}${url.search}`, 303);
    }
    if (!tokenMatches(token, presentedToken(context))) {
      return denied(context, 401, 'A token is required: open the URL that lateral serve printed.');
    }
    return next();
  };
}

function bracketed(host: string): string {
  return host.includes(':') && !host.startsWith('[') ? `[${host}]` : host;
}

/** True for 0.0.0.0 and ::, which listen on every address of the machine. */
export function isWildcardHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '');
  return bare === '0.0.0.0' || bare === '::';
}

/** The machine's own addresses and name: what a wildcard listener may be reached as. */
export function machineHostNames(): string[] {
  const addresses = Object.values(networkInterfaces())
    .flatMap((entries) => entries ?? [])
    .map((entry) => entry.address.replace(/%.*$/, ''));
  return [hostname(), ...addresses];
}

/** The Host header values under which a server bound to `host`:`port` may be reached. */
export function allowedHostHeaders(host: string, port: number): Set<string> {
  const names = new Set<string>([`${bracketed(host).toLowerCase()}:${port}`]);
  const aliases = isLoopbackHost(host)
    ? ['127.0.0.1', 'localhost', '::1']
    : isWildcardHost(host)
      ? ['127.0.0.1', 'localhost', '::1', ...machineHostNames()]
      : [];
  for (const alias of aliases) names.add(`${bracketed(alias).toLowerCase()}:${port}`);
  return names;
}

/** True for the loopback addresses lateral serve listens on by default. */
export function isLoopbackHost(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, '').toLowerCase();
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare);
}

import type { MiddlewareHandler } from 'hono';

/**
 * The Content-Security-Policy of every response. Names, tags and policy texts shown by the
 * dashboard are attacker-controlled, so the page may run only the scripts it was built with:
 * no inline script, no eval, no other origin. Images may be data: and blob: URLs because PNG
 * and SVG exports are made in the page.
 */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The headers every response carries, whatever the route and whether it succeeded. */
export const securityHeaders: Readonly<Record<string, string>> = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Cache-Control': 'no-store',
};

/** Sets the security headers after the route ran, so error responses carry them too. */
export function securityHeadersMiddleware(): MiddlewareHandler {
  return async (context, next) => {
    await next();
    for (const [name, value] of Object.entries(securityHeaders)) {
      context.res.headers.set(name, value);
    }
  };
}

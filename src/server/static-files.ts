import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';
import type { Context } from 'hono';

const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

async function readRegularFile(path: string): Promise<Buffer | undefined> {
  try {
    const info = await stat(path);
    return info.isFile() ? await readFile(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Serves the built dashboard from `root`: a file when the path names one inside it, else
 * index.html (the dashboard routes in the page: /r/<key> is one of its URLs, not a file).
 */
export async function serveWebFile(context: Context, root: string): Promise<Response> {
  let relative: string;
  try {
    relative = decodeURIComponent(context.req.path);
  } catch {
    return context.text('Bad path.', 400);
  }
  const target = normalize(join(root, relative));
  const inside = target === root || target.startsWith(root.endsWith(sep) ? root : root + sep);
  const file = inside && relative !== '/' ? await readRegularFile(target) : undefined;
  // A missing asset is a 404, but a dashboard URL names a key, which may end like a file name
  // (service:ec2.amazonaws.com).
  const dashboardRoute = relative.startsWith('/r/') || relative === '/search';
  if (file === undefined && !dashboardRoute && extname(target) !== '') {
    return context.text('Not found.', 404);
  }
  if (file !== undefined) {
    const type = contentTypes[extname(target).toLowerCase()] ?? 'application/octet-stream';
    return context.body(new Uint8Array(file), 200, { 'Content-Type': type });
  }
  const index = await readRegularFile(join(root, 'index.html'));
  if (index === undefined) {
    return context.text('The dashboard is not built: run `npm run build`.', 503);
  }
  return context.body(new Uint8Array(index), 200, { 'Content-Type': contentTypes['.html']! });
}

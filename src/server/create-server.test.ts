import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGraphReader } from '../graph/graph-reader.js';
import { importEvidence } from '../import/import-evidence.js';
import { openStore } from '../store/open-store.js';
import type { Store } from '../store/store.js';
import { createServer, type RunningDashboard } from './create-server.js';

const demoEvidence = fileURLToPath(
  new URL('../../../shared/data/cloudmapper/account-data/demo', import.meta.url),
);
const haveEvidence = existsSync(demoEvidence);
if (!haveEvidence) process.stderr.write(`Server tests skipped: ${demoEvidence} is absent.\n`);

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A request over a real socket, with the Host header chosen by the test. */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const call = request(
      {
        host: '127.0.0.1',
        port,
        path,
        method: 'GET',
        headers: { Host: `127.0.0.1:${port}`, ...headers },
      },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body }),
        );
      },
    );
    call.on('error', reject);
    call.end();
  });
}

function expectSecurityHeaders(answer: Answer): void {
  const policy = String(answer.headers['content-security-policy']);
  expect(policy).toContain("default-src 'self'");
  expect(policy).toContain("script-src 'self'");
  expect(policy).not.toContain('unsafe-inline');
  expect(policy).not.toContain('unsafe-eval');
  expect(policy).toContain("img-src 'self' data: blob:");
  expect(policy).toContain("frame-ancestors 'none'");
  expect(answer.headers['x-content-type-options']).toBe('nosniff');
  expect(answer.headers['referrer-policy']).toBe('no-referrer');
}

describe.skipIf(!haveEvidence)('the dashboard server over the CloudMapper demo', () => {
  let dataDir: string;
  let webRoot: string;
  let store: Store;
  let open: RunningDashboard;
  let guarded: RunningDashboard;
  const token = 'test-token-of-the-guarded-server';

  beforeAll(async () => {
    dataDir = await mkdtemp(join(tmpdir(), 'lateral-server-test-'));
    webRoot = await mkdtemp(join(tmpdir(), 'lateral-web-root-'));
    await writeFile(join(webRoot, 'index.html'), '<!doctype html><title>lateral</title>');
    await writeFile(join(dataDir, 'secret.txt'), 'outside the web root');
    store = await openStore({ dataDir: join(dataDir, 'store') });
    await importEvidence(store, [demoEvidence]);
    const reader = createGraphReader(store);
    const base = { store, reader, host: '127.0.0.1', port: 0, webRoot };
    open = await createServer(base).listen();
    guarded = await createServer({ ...base, token }).listen();
  });

  afterAll(async () => {
    await open?.close();
    await guarded?.close();
    await store?.close();
    await rm(dataDir, { recursive: true, force: true });
    await rm(webRoot, { recursive: true, force: true });
  });

  it('prints a loopback URL without a token by default', () => {
    expect(open.url).toBe(`http://127.0.0.1:${open.port}/`);
  });

  it('finds the demo VPC by its id and shows its page data and graph', async () => {
    const search = await get(open.port, '/api/search?q=vpc-');
    expect(search.status).toBe(200);
    const { results } = JSON.parse(search.body) as {
      results: { node: { key: string; type: string } }[];
    };
    const vpc = results.find((result) => result.node.type === 'aws_vpc');
    expect(vpc).toBeDefined();
    const key = encodeURIComponent(vpc!.node.key);
    const detail = await get(open.port, `/api/resource?key=${key}`);
    expect(detail.status).toBe(200);
    expect(JSON.parse(detail.body).node.accountId).toBe('123456789012');
    const graph = await get(open.port, `/api/graph?key=${key}&depth=2`);
    expect(graph.status).toBe(200);
    expect(JSON.parse(graph.body).nodes.length).toBeGreaterThan(1);
    expectSecurityHeaders(graph);
  });

  it('exports the graph as DOT and Mermaid', async () => {
    const search = JSON.parse((await get(open.port, '/api/search?q=vpc-')).body) as {
      results: { node: { key: string } }[];
    };
    const key = encodeURIComponent(search.results[0]!.node.key);
    const dot = await get(open.port, `/api/graph/export?key=${key}&depth=1&format=dot`);
    expect(dot.status).toBe(200);
    expect(dot.body).toMatch(/digraph/);
    expect(dot.headers['content-disposition']).toMatch(/^attachment; filename="[\w.-]+"$/);
    const mermaid = await get(open.port, `/api/graph/export?key=${key}&depth=1&format=mermaid`);
    expect(mermaid.status).toBe(200);
    expect(mermaid.body).toMatch(/^(flowchart|graph) /m);
  });

  it('counts resources by account in the summary', async () => {
    const summary = JSON.parse((await get(open.port, '/api/summary')).body) as {
      accounts: { accountId: string }[];
      counts: { type: string; count: number }[];
    };
    expect(summary.accounts.map((account) => account.accountId)).toContain('123456789012');
    expect(summary.counts.find((count) => count.type === 'aws_ec2_instance')?.count).toBe(3);
  });

  it('answers bad parameters and unknown keys with JSON errors and the headers', async () => {
    const depth = await get(open.port, '/api/graph?key=x&depth=9');
    expect(depth.status).toBe(400);
    expect(JSON.parse(depth.body).error).toMatch(/depth/);
    expectSecurityHeaders(depth);
    const unknown = await get(open.port, '/api/resource?key=arn%3Aaws%3Anothing');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.body).error).toBeTruthy();
    const format = await get(open.port, '/api/graph/export?key=x&format=html');
    expect(format.status).toBe(400);
    const route = await get(open.port, '/api/nothing');
    expect(route.status).toBe(404);
    expectSecurityHeaders(route);
  });

  it('serves the page for dashboard URLs and never a file outside the web root', async () => {
    const page = await get(open.port, '/r/arn%3Aaws%3Aec2%3Aus-east-1%3A1%3Avpc%2Fvpc-1');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>lateral</title>');
    expectSecurityHeaders(page);
    const fileLike = await get(open.port, '/r/service%3Aec2.amazonaws.com');
    expect(fileLike.body).toContain('<title>lateral</title>');
    const traversal = await get(open.port, '/%2e%2e/secret.txt');
    expect(traversal.body).not.toContain('outside the web root');
    const missing = await get(open.port, '/assets/missing.js');
    expect(missing.status).toBe(404);
  });

  it('rejects a request whose Host header names another site (DNS rebinding)', async () => {
    const rebound = await get(open.port, '/api/summary', { Host: `attacker.example:${open.port}` });
    expect(rebound.status).toBe(421);
    expect(rebound.body).not.toContain('123456789012');
    expectSecurityHeaders(rebound);
    const localhost = await get(open.port, '/api/summary', { Host: `localhost:${open.port}` });
    expect(localhost.status).toBe(200);
  });

  it('prints the token in the URL of a guarded server', () => {
    expect(guarded.url).toBe(`http://127.0.0.1:${guarded.port}/?token=${token}`);
  });

  it('requires the token on every API call of a guarded server', async () => {
    expect((await get(guarded.port, '/api/summary')).status).toBe(401);
    expect(
      (await get(guarded.port, '/api/summary', { 'X-Lateral-Token': `${token}x` })).status,
    ).toBe(401);
    expect((await get(guarded.port, `/api/summary?token=${token}`)).status).toBe(401);
    const header = await get(guarded.port, '/api/summary', { 'X-Lateral-Token': token });
    expect(header.status).toBe(200);
    const bearer = await get(guarded.port, '/api/summary', { Authorization: `Bearer ${token}` });
    expect(bearer.status).toBe(200);
    expect((await get(guarded.port, '/')).status).toBe(401);
  });

  it('trades the printed URL for an HttpOnly cookie and drops the token', async () => {
    const opened = await get(guarded.port, `/r/abc?depth=2&token=${token}`);
    expect(opened.status).toBe(303);
    expect(opened.headers.location).toBe('/r/abc?depth=2');
    const cookie = String(opened.headers['set-cookie']);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    const session = cookie.split(';')[0]!;
    expect((await get(guarded.port, '/api/summary', { Cookie: session })).status).toBe(200);
    const wrong = await get(guarded.port, '/api/summary', { Cookie: 'lateral_token=guess' });
    expect(wrong.status).toBe(401);
  });
});

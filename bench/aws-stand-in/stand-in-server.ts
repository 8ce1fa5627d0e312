import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StandInHandlers, type StandInDataset, type StandInRequest } from './stand-in-data.js';
import {
  ec2Response,
  jsonResponse,
  queryResponse,
  s3Response,
  throttlingError,
  type Answer,
  type WireResponse,
} from './wire-format.js';

export interface StandInOptions {
  dataset: StandInDataset;
  /** Added to every answer. */
  latencyMs: number;
  /** Requests per second allowed for each account in each region (a token bucket). */
  ratePerSecond: number;
  /** Requests an idle bucket may take at once. */
  burst: number;
}

/** What the stand-in saw, per account and region (`<account>/<region>`). */
export interface StandInStats {
  requests: number;
  throttled: number;
  accepted: Map<string, number>;
}

export interface StandIn {
  url: string;
  stats: StandInStats;
  /** The access key of the organization's management account (any secret works). */
  managementAccessKeyId: string;
  close(): Promise<void>;
}

/** Where the stand-in tells its statistics (GET, no signature). */
export const statsPath = '/__stand-in/stats';

interface Bucket {
  tokens: number;
  updatedAt: number;
}

/**
 * A local endpoint that answers lateral's calls the way AWS does, enough for the SDK: it knows
 * the caller's account from the access key id (AssumeRole hands out keys naming the account),
 * waits `latencyMs`, and throttles each account and region above a rate with the protocol's own
 * throttling error, which the SDK retries.
 */
export async function startAwsStandIn(options: StandInOptions): Promise<StandIn> {
  const handlers = new StandInHandlers(options.dataset);
  const buckets = new Map<string, Bucket>();
  const stats: StandInStats = { requests: 0, throttled: 0, accepted: new Map() };
  let requestCount = 0;

  const takeToken = (key: string): boolean => {
    const now = performance.now();
    const bucket = buckets.get(key) ?? { tokens: options.burst, updatedAt: now };
    const refill = ((now - bucket.updatedAt) / 1000) * options.ratePerSecond;
    bucket.tokens = Math.min(options.burst, bucket.tokens + refill);
    bucket.updatedAt = now;
    buckets.set(key, bucket);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  };

  const server = createServer((incoming, outgoing) => {
    // For a stand-in in another process: what it saw, outside the AWS protocols.
    if (incoming.url === statsPath) {
      const body = JSON.stringify({ ...stats, accepted: Object.fromEntries(stats.accepted) });
      outgoing.writeHead(200, { 'content-type': 'application/json' });
      outgoing.end(body);
      return;
    }
    void readBody(incoming).then(async (body) => {
      requestCount += 1;
      stats.requests += 1;
      const requestId = `standin-${requestCount}`;
      const decoded = decode(incoming, body);
      const key = `${decoded.request.accountId}/${decoded.request.region}`;
      let answer: Answer;
      if (takeToken(key)) {
        stats.accepted.set(key, (stats.accepted.get(key) ?? 0) + 1);
        answer = 'answer' in decoded ? decoded.answer : handlers.answer(decoded.request);
      } else {
        stats.throttled += 1;
        answer = { error: throttlingError(decoded.request.service) };
      }
      if (process.env['STANDIN_TRACE'] !== undefined) {
        const outcome = 'error' in answer ? answer.error.code : 'ok';
        console.log(
          `trace ${performance.now().toFixed(0)} ${key} ${decoded.request.action} ${outcome}`,
        );
      }
      const response = decoded.format(answer, requestId);
      await new Promise((resolve) => setTimeout(resolve, options.latencyMs));
      outgoing.writeHead(response.status, {
        ...response.headers,
        'x-amzn-requestid': requestId,
        'content-length': String(Buffer.byteLength(response.body)),
      });
      outgoing.end(response.body);
    });
  });

  // Every decoded request gets its answer (or a ready one, for S3 and Lambda) and its format.
  const decode = (incoming: IncomingMessage, body: string) => {
    const scope = /Credential=([^/]+)\/[^/]+\/([^/]+)\/([^/]+)\//.exec(
      incoming.headers.authorization ?? '',
    );
    const accessKeyId = scope?.[1] ?? '';
    const accountId = /^(?:AKIA|ASIA)(\d{12})/.exec(accessKeyId)?.[1] ?? 'unknown';
    const region = scope?.[2] ?? 'us-east-1';
    const service = scope?.[3] ?? 'unknown';
    const url = new URL(incoming.url ?? '/', 'http://stand-in');
    const base = { accountId, region, service };
    if (service === 'organizations') {
      const target = String(incoming.headers['x-amz-target'] ?? '');
      const params = body.length > 0 ? (JSON.parse(body) as Record<string, string>) : {};
      const request = { ...base, action: target.split('.').pop() ?? '', params };
      return { request, format: (answer: Answer) => jsonResponse(answer, 'json') };
    }
    if (service === 'lambda') {
      const params = Object.fromEntries(url.searchParams);
      const request = { ...base, action: 'ListFunctions', params };
      return { request, format: (answer: Answer) => jsonResponse(answer, 'rest-json') };
    }
    if (service === 's3') return decodeS3(base, url);
    const params = Object.fromEntries(new URLSearchParams(body));
    const request = { ...base, action: params['Action'] ?? '', params };
    const format = (answer: Answer, requestId: string): WireResponse =>
      service === 'ec2'
        ? ec2Response(request.action, answer, requestId)
        : queryResponse(request.action, answer, requestId);
    return { request, format };
  };

  const decodeS3 = (base: Omit<StandInRequest, 'action' | 'params'>, url: URL) => {
    const bucketName = decodeURIComponent(url.pathname.split('/')[1] ?? '');
    const buckets = handlers.account(base.accountId) ? handlers.buckets(base.accountId) : [];
    const bucket = buckets.find((candidate) => candidate.name === bucketName);
    if (bucketName === '') {
      const request = { ...base, action: 'ListBuckets', params: {} };
      const answer: Answer = {
        data: {
          Owner: { ID: `owner-${base.accountId}`, DisplayName: 'responder' },
          Buckets: buckets.map((entry) => ({
            Name: entry.name,
            CreationDate: '2026-01-01T00:00:00.000Z',
          })),
        },
      };
      return {
        request,
        answer,
        format: (ready: Answer) => s3Response('ListAllMyBucketsResult', ready, 'Bucket'),
      };
    }
    const noBucket: Answer = {
      error: { code: 'NoSuchBucket', message: 'The bucket does not exist', status: 404 },
    };
    if (url.searchParams.has('location')) {
      const request = { ...base, action: 'GetBucketLocation', params: {} };
      const answer: Answer = bucket === undefined ? noBucket : { data: { '#text': bucket.region } };
      return {
        request,
        answer,
        format: (ready: Answer) => s3Response('LocationConstraint', ready, 'member'),
      };
    }
    const request = { ...base, action: 'GetBucketPolicy', params: {} };
    const answer: Answer =
      bucket === undefined
        ? noBucket
        : bucket.policy === undefined
          ? {
              error: {
                code: 'NoSuchBucketPolicy',
                message: 'The bucket policy does not exist',
                status: 404,
              },
            }
          : { data: { Policy: bucket.policy } };
    return { request, answer, format: (ready: Answer) => s3Response(null, ready, 'member') };
  };

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    stats,
    managementAccessKeyId: `AKIA${options.dataset.managementAccountId}STANDIN`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function readBody(incoming: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    incoming.on('data', (chunk: Buffer) => chunks.push(chunk));
    incoming.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    incoming.on('error', reject);
  });
}

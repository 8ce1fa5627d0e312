import { isIP } from 'node:net';
import type { z } from 'zod';
import type { ApiId } from '../../evidence/api-catalog.js';
import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import { parseEvidence } from '../../evidence/evidence-error.js';
import type { TagListShape } from '../aws-shapes/ec2-common-shapes.js';
import { nameTag } from '../aws-tags.js';
import type { ScopeEvidence } from '../table-definition.js';

export { known, tagColumns } from './table-helpers.js';

/** Where a row's resource lives: the account, region and partition of its evidence document. */
export interface ResourcePlace {
  accountId: string;
  region: string;
  partition: string;
}

/** One parsed evidence document with the place its resources live in. */
export interface ParsedDocument<T> {
  body: T;
  place: ResourcePlace;
  source: string;
}

/**
 * Every document of an API in the scope, checked against its loose schema. The region of each
 * document is its own, so loose aws CLI files of several regions each keep theirs.
 */
export function parsedDocuments<Schema extends z.ZodType>(
  evidence: ScopeEvidence,
  api: ApiId,
  schema: Schema,
): ParsedDocument<z.infer<Schema>>[] {
  return evidence.documents(api).map((document: EvidenceDocument) => ({
    body: parseEvidence(schema, document.body, document.source),
    place: {
      accountId: document.accountId,
      region: document.region,
      partition: evidence.partition,
    },
    source: document.source,
  }));
}

/** The common columns a row fills from where its resource lives. */
export function placeColumns(place: ResourcePlace): Record<string, string> {
  return { account_id: place.accountId, region: place.region, partition: place.partition };
}

/** An EC2 ARN as Steampipe builds it: arn:<partition>:ec2:<region>:<account>:<type>/<id>. */
export function ec2Arn(place: ResourcePlace, resource: string): string {
  return `arn:${place.partition}:ec2:${place.region}:${place.accountId}:${resource}`;
}

/** The Name tag when it is set, else the fallback (usually the resource id). */
export function nameOr(tags: TagListShape, fallback: string | null | undefined): string | null {
  const list = tags?.map((tag) => ({ Key: tag.Key, Value: tag.Value ?? undefined }));
  return nameTag(list) ?? fallback ?? null;
}

/** A timestamp as an ISO 8601 string; null when absent or not a date. */
export function timestampValue(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? null : time.toISOString();
}

/** An IP address Postgres' inet accepts; null when absent or not an address. */
export function inetValue(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null;
  const address = text.trim();
  return isIP(address) === 0 ? null : address;
}

function ipv4Bits(address: string): bigint {
  return address.split('.').reduce((bits, part) => (bits << 8n) | BigInt(Number(part)), 0n);
}

function ipv6Bits(address: string): bigint {
  let text = address;
  const lastColon = text.lastIndexOf(':');
  const tail = text.slice(lastColon + 1);
  // An IPv6 address may end in dotted IPv4 form (::ffff:1.2.3.4): make it two hextets.
  if (tail.includes('.')) {
    const v4 = ipv4Bits(tail);
    const hextets = `${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
    text = `${text.slice(0, lastColon + 1)}${hextets}`;
  }
  const [head = '', rest] = text.split('::');
  const headParts = head === '' ? [] : head.split(':');
  const restParts = rest === undefined || rest === '' ? [] : rest.split(':');
  const zeros = new Array<string>(8 - headParts.length - restParts.length).fill('0');
  const parts = rest === undefined ? headParts : [...headParts, ...zeros, ...restParts];
  return parts.reduce((bits, part) => (bits << 16n) | BigInt(parseInt(part, 16)), 0n);
}

function ipv6Text(bits: bigint): string {
  const hextets: string[] = [];
  for (let index = 7; index >= 0; index -= 1) {
    hextets.push(((bits >> BigInt(index * 16)) & 0xffffn).toString(16));
  }
  // The WHATWG URL parser writes an IPv6 host in its canonical compressed form.
  return new URL(`http://[${hextets.join(':')}]`).hostname.slice(1, -1);
}

/**
 * A CIDR range Postgres' cidr accepts, or null when absent or not a range. Postgres rejects host
 * bits right of the mask (2.2.2.2/28); AWS applies such a range as its network (2.2.2.0/28), so
 * that is the value stored, while the jsonb columns keep the text as AWS returned it.
 */
export function cidrValue(text: string | null | undefined): string | null {
  if (text === undefined || text === null) return null;
  const [address = '', prefixText, extra] = text.trim().split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return null;
  const width = family === 4 ? 32 : 128;
  if (prefixText === undefined) return `${address}/${width}`;
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > width) return null;
  const prefix = BigInt(prefixText);
  const bits = family === 4 ? ipv4Bits(address) : ipv6Bits(address);
  const hostMask = (1n << (BigInt(width) - prefix)) - 1n;
  if ((bits & hostMask) === 0n) return `${address}/${prefixText}`;
  const network = bits & ~hostMask;
  if (family === 6) return `${ipv6Text(network)}/${prefixText}`;
  const octets = [24n, 16n, 8n, 0n].map((shift) => String((network >> shift) & 0xffn));
  return `${octets.join('.')}/${prefixText}`;
}

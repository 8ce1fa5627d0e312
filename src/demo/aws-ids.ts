/**
 * Deterministic AWS-looking identifiers and values for generated evidence. Every value is a pure
 * function of a seed and a key, so the same organization comes out byte for byte on every run,
 * and adding a resource does not shift the ids of the others.
 */

/** murmur3's 32-bit finalizer: a bijection on 32-bit integers, so distinct inputs stay distinct. */
export function mix32(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** A 32-bit hash of a text (FNV-1a, then mixed). */
export function hash32(text: string, seed = 0): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    h ^= text.charCodeAt(index);
    h = Math.imul(h, 0x01000193);
  }
  return mix32(h);
}

function hex8(value: number): string {
  return (value >>> 0).toString(16).padStart(8, '0');
}

/** 16 hex digits from a key: two independent 32-bit hashes. */
export function hex16(key: string, seed = 0): string {
  return hex8(hash32(key, seed)) + hex8(hash32(key, seed ^ 0x5bd1e995));
}

/**
 * A modern EC2-style id: `<prefix>-0` followed by 16 hex digits (17 after the dash, as
 * `i-0123456789abcdef0`), from a key such as `310987654321/us-east-1/instance/render-node-07`.
 */
export function ec2Id(prefix: string, key: string, seed = 0): string {
  return `${prefix}-0${hex16(`${prefix}/${key}`, seed)}`;
}

/**
 * An EC2-style id from a counter: unique for every counter below 2^32, since the low half is a
 * bijection of it. For generators that make millions of ids and cannot afford a string hash each.
 */
export function ec2IdFromCounter(prefix: string, counter: number, seed: number): string {
  return `${prefix}-0${hex8(mix32(counter ^ seed) ^ 0x9e3779b9)}${hex8(mix32(counter))}`;
}

const iamIdAlphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** An IAM unique id: a four-letter type prefix (AROA, AIDA, AGPA, ANPA, AIPA) and 17 characters. */
export function iamUniqueId(prefix: string, key: string, seed = 0): string {
  let id = prefix;
  let state = hash32(key, seed);
  for (let index = 0; index < 17; index += 1) {
    state = mix32(state + index + 1);
    id += iamIdAlphabet[state % 32];
  }
  return id;
}

/** A lowercase hex text of any length (digests, canonical ids). */
export function hexText(key: string, length: number, seed = 0): string {
  let text = '';
  for (let round = 0; text.length < length; round += 1) text += hex16(`${key}#${round}`, seed);
  return text.slice(0, length);
}

/** A MAC address as EC2 prints it, `0a:1b:2c:3d:4e:5f` (locally administered). */
export function macAddress(key: string, seed = 0): string {
  const digits = hexText(`mac/${key}`, 10, seed);
  const pairs = digits.match(/../g) ?? [];
  return ['0e', ...pairs].join(':');
}

/** A UUID-shaped text (client tokens, revision ids). */
export function uuidText(key: string, seed = 0): string {
  const digits = hexText(`uuid/${key}`, 32, seed);
  return [
    digits.slice(0, 8),
    digits.slice(8, 12),
    `4${digits.slice(13, 16)}`,
    `a${digits.slice(17, 20)}`,
    digits.slice(20, 32),
  ].join('-');
}

/** An instant as the aws CLI prints it: `2024-03-05T10:11:12+00:00`. */
export function awsTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}+00:00`;
}

/** A deterministic instant `maxDays` days or fewer before `end`, picked by the key. */
export function instantBefore(end: Date, maxDays: number, key: string, seed = 0): Date {
  const seconds = hash32(`time/${key}`, seed) % Math.max(1, Math.floor(maxDays * 86_400));
  return new Date(end.getTime() - seconds * 1000);
}

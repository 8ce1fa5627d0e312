import { EvidenceError, formatJsonPath } from '../../evidence/evidence-error.js';

/** A policy document as a JSON object, decoded from whatever form the evidence held it in. */
export type PolicyDocument = Record<string, unknown>;

/** Where a value sits, for messages: the evidence file and the JSON path inside it. */
export interface EvidenceLocation {
  file: string;
  path: readonly PropertyKey[];
}

function isJsonObject(value: unknown): value is PolicyDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Go's url.QueryUnescape, which is how IAM documents come from the raw API and boto: `+` is a
 * space and `%XX` a byte of UTF-8. Undefined for a malformed escape.
 */
function queryUnescape(text: string): string | undefined {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return undefined;
  }
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return `a ${typeof value}`;
}

/**
 * A policy document from evidence: the aws CLI gives IAM documents as JSON objects, the raw API
 * and boto as URL-encoded JSON text, S3 and Lambda as plain JSON text. Throws an EvidenceError
 * naming the file and the JSON path (never the text) when it is none of these.
 */
export function decodePolicyDocument(value: unknown, location: EvidenceLocation): PolicyDocument {
  const where = formatJsonPath(location.path);
  if (isJsonObject(value)) return value;
  if (typeof value !== 'string') {
    throw new EvidenceError(
      location.file,
      `expected a policy document (a JSON object or its text), found ${describe(value)}`,
      where,
    );
  }
  // Plain JSON text starts with `{`; URL-encoded text starts with `%7B`. Trying plain JSON first
  // keeps a literal `%` or `+` inside a plain document (a condition value) as it is.
  const trimmed = value.trim();
  let decoded = trimmed.startsWith('{') ? parseJson(trimmed) : undefined;
  if (decoded === undefined) {
    const unescaped = queryUnescape(trimmed);
    decoded = unescaped === undefined ? undefined : parseJson(unescaped);
  }
  if (!isJsonObject(decoded)) {
    throw new EvidenceError(
      location.file,
      'the policy document is neither a JSON object nor URL-encoded JSON; re-export it with ' +
        'the aws CLI or check that the file is complete',
      where,
    );
  }
  return decoded;
}

/** Decodes a document that may be absent: undefined and null stay null (unknown or none). */
export function decodeOptionalPolicyDocument(
  value: unknown,
  location: EvidenceLocation,
): PolicyDocument | null {
  if (value === undefined || value === null) return null;
  return decodePolicyDocument(value, location);
}

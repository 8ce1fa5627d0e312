import { constants as bufferConstants } from 'node:buffer';
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createGunzip } from 'node:zlib';
import { EvidenceError } from './evidence-error.js';
import { errorCode } from './folder-read-result.js';
import { findExcessNesting, findJsonSyntaxError, lineAndColumn } from './json-syntax.js';
import { findInvalidUtf8 } from './utf8.js';

const mebibyte = 1024 * 1024;

/** Bounds on what one evidence file may make lateral read, inflate and parse. */
export interface JsonLimits {
  /** Bytes on disk. */
  maxFileBytes: number;
  /** Bytes a gzip file may inflate to; inflation stops there. */
  maxInflatedBytes: number;
  /** Arrays and objects inside each other. AWS responses nest a dozen levels at most. */
  maxDepth: number;
}

export const defaultJsonLimits: JsonLimits = {
  maxFileBytes: 512 * mebibyte,
  maxInflatedBytes: 1024 * mebibyte,
  maxDepth: 100,
};

/** A parsed JSON file, with the hash and size of its bytes as stored on disk. */
export interface JsonFile {
  value: unknown;
  sha256: string;
  bytes: number;
  gzipped: boolean;
}

async function readBounded(path: string, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream) {
      const bytes = chunk as Buffer;
      total += bytes.length;
      if (total > maxBytes) {
        throw new EvidenceError(
          path,
          `is larger than ${maxBytes} bytes, the most lateral reads from one evidence file: ` +
            'split it (one API response per file) or collect it again',
        );
      }
      chunks.push(bytes);
    }
  } catch (error) {
    if (error instanceof EvidenceError) throw error;
    throw new EvidenceError(path, `cannot be read (${errorCode(error)})`);
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

/** Inflates gzip data, stopping as soon as the output passes `maxBytes`. */
function gunzipBounded(path: string, data: Buffer, maxBytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const gunzip = createGunzip();
    const chunks: Buffer[] = [];
    let total = 0;
    let stopped = false;
    gunzip.on('data', (chunk: Buffer) => {
      if (stopped) return;
      total += chunk.length;
      if (total > maxBytes) {
        stopped = true;
        // Destroying the stream stops inflation here: a gzip bomb is never inflated in full.
        gunzip.destroy();
        reject(
          new EvidenceError(
            path,
            `inflates to more than ${maxBytes} bytes, the most lateral inflates from one ` +
              'gzip file: a gzip bomb, or a file to split into one API response per file',
          ),
        );
        return;
      }
      chunks.push(chunk);
    });
    gunzip.on('error', (error) => {
      if (stopped) return;
      stopped = true;
      reject(
        new EvidenceError(
          path,
          `is a truncated or damaged gzip file (${errorCode(error)}): ` +
            'check it with gunzip -t, or collect it again',
        ),
      );
    });
    gunzip.on('end', () => {
      if (!stopped) resolve(Buffer.concat(chunks, total));
    });
    gunzip.end(data);
  });
}

function isGzip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

function hasUtf8Bom(bytes: Buffer): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

function decodeUtf8(path: string, bytes: Buffer, gzipped: boolean): string {
  const where = gzipped ? ' of its inflated content' : '';
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (error) {
    if (error instanceof RangeError) {
      throw new EvidenceError(
        path,
        'is too large to parse as one JSON document: split it (one API response per file)',
      );
    }
    const offset = findInvalidUtf8(bytes);
    throw new EvidenceError(
      path,
      `is not UTF-8 text (invalid byte sequence at byte ${offset}${where}): aws CLI output ` +
        'is UTF-8; convert the file to UTF-8 (for example with iconv) and import it again',
    );
  }
}

interface TextOrigin {
  /** Bytes before the text (a byte order mark). */
  byteBase: number;
  gzipped: boolean;
}

/** "byte N (line L, column C)" for an index in the decoded text. */
function describePosition(text: string, index: number, origin: TextOrigin): string {
  const byte = origin.byteBase + Buffer.byteLength(text.slice(0, index), 'utf8');
  const { line, column } = lineAndColumn(text, index);
  const where = origin.gzipped ? ' of its inflated content' : '';
  return `byte ${byte}${where} (line ${line}, column ${column})`;
}

function syntaxProblem(text: string, origin: TextOrigin): string {
  const index = findJsonSyntaxError(text);
  if (index === -1) return 'is malformed JSON';
  const firstValue = text.search(/[^ \t\r\n]/);
  if (index === firstValue) {
    return `is not JSON: no JSON value starts at ${describePosition(text, index, origin)}`;
  }
  const position = describePosition(text, index, origin);
  return index >= text.length
    ? `is truncated or malformed JSON at ${position}: the file ends inside a value; ` +
        'it was probably cut off while being written or copied'
    : `is truncated or malformed JSON at ${position}`;
}

/**
 * Reads and parses one JSON evidence file, plain or gzip (recognized by its magic bytes), within
 * `limits`. Every problem is an EvidenceError naming the file and what is wrong (empty, too
 * large, not UTF-8, too deep, truncated or malformed at byte N) without quoting its contents.
 * Strings keep what JSON.parse makes of them (lone surrogates, NUL) for text safety later.
 */
export async function readJsonFile(
  path: string,
  limits: Partial<JsonLimits> = {},
): Promise<JsonFile> {
  const { maxFileBytes, maxInflatedBytes, maxDepth } = { ...defaultJsonLimits, ...limits };
  const raw = await readBounded(path, maxFileBytes);
  if (raw.length === 0) throw new EvidenceError(path, 'is empty: there is no API response in it');
  const sha256 = createHash('sha256').update(raw).digest('hex');
  const gzipped = isGzip(raw);
  // A decoded text cannot be longer than V8's longest string, so inflating past it is pointless.
  const inflateCap = Math.min(maxInflatedBytes, bufferConstants.MAX_STRING_LENGTH);
  const content = gzipped ? await gunzipBounded(path, raw, inflateCap) : raw;
  const bomLength = hasUtf8Bom(content) ? 3 : 0;
  const body = content.subarray(bomLength);
  const text = decodeUtf8(path, body, gzipped);
  if (text.trim().length === 0) {
    throw new EvidenceError(
      path,
      `is empty${gzipped ? ' once inflated' : ''}: there is no API response in it`,
    );
  }
  const origin: TextOrigin = { byteBase: bomLength, gzipped };
  const tooDeep = findExcessNesting(text, maxDepth);
  if (tooDeep !== -1) {
    throw new EvidenceError(
      path,
      `nests arrays and objects more than ${maxDepth} levels deep at ` +
        `${describePosition(text, tooDeep, origin)}: that is not an AWS API response`,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    // JSON.parse's message quotes the text: the position is computed here instead.
    throw new EvidenceError(path, syntaxProblem(text, origin));
  }
  return { value, sha256, bytes: raw.length, gzipped };
}

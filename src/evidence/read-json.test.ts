import { createHash } from 'node:crypto';
import { mkdtemp, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EvidenceError } from './evidence-error.js';
import { readJsonFile } from './read-json.js';

let folder: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'lateral-read-json-'));
});

afterAll(async () => {
  await rm(folder, { recursive: true, force: true });
});

async function fixture(name: string, content: string | Buffer): Promise<string> {
  const path = join(folder, name);
  await writeFile(path, content);
  return path;
}

/** The EvidenceError readJsonFile rejects with; fails the test if it resolves. */
async function failure(path: string, limits = {}): Promise<EvidenceError> {
  const error = await readJsonFile(path, limits).then(
    () => undefined,
    (rejection: unknown) => rejection,
  );
  expect(error).toBeInstanceOf(EvidenceError);
  const evidenceError = error as EvidenceError;
  expect(evidenceError.file).toBe(path);
  expect(evidenceError.message.startsWith(path)).toBe(true);
  return evidenceError;
}

const secret = 'AKIA-SECRET-VALUE-42';

describe('readJsonFile', () => {
  it('parses a plain file and hashes its bytes as stored', async () => {
    const text = `{"Reservations": [{"OwnerId": "111122223333"}]}\n`;
    const path = await fixture('plain.json', text);
    const file = await readJsonFile(path);
    expect(file.value).toEqual({ Reservations: [{ OwnerId: '111122223333' }] });
    expect(file.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(file.bytes).toBe(Buffer.byteLength(text));
    expect(file.gzipped).toBe(false);
  });

  it('inflates gzip found by its magic bytes, and hashes the compressed bytes', async () => {
    const compressed = gzipSync('{"Vpcs": []}');
    const path = await fixture('no-gz-suffix.json', compressed);
    const file = await readJsonFile(path);
    expect(file.value).toEqual({ Vpcs: [] });
    expect(file.gzipped).toBe(true);
    expect(file.sha256).toBe(createHash('sha256').update(compressed).digest('hex'));
    expect(file.bytes).toBe(compressed.length);
  });

  it('strips a UTF-8 byte order mark', async () => {
    const path = await fixture(
      'bom.json',
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"a": 1}')]),
    );
    expect((await readJsonFile(path)).value).toEqual({ a: 1 });
  });

  it('keeps lone surrogates and NUL escapes as JSON.parse makes them', async () => {
    const path = await fixture('escapes.json', '{"Name": "x\\ud800y\\u0000z"}');
    const value = (await readJsonFile(path)).value as { Name: string };
    expect(value.Name).toBe('x\ud800y\u0000z');
  });

  it('rejects an empty file', async () => {
    const error = await failure(await fixture('empty.json', ''));
    expect(error.problem).toBe('is empty: there is no API response in it');
  });

  it('rejects a file of whitespace only', async () => {
    const error = await failure(await fixture('blank.json', ' \n\n '));
    expect(error.problem).toBe('is empty: there is no API response in it');
  });

  it('says where truncated JSON ends, in bytes and lines, without quoting it', async () => {
    const text = `{\n  "Reservations": [\n    {"OwnerId": "${secret}"`;
    const error = await failure(await fixture('truncated.json', text));
    const column = text.length - text.lastIndexOf('\n');
    expect(error.problem).toBe(
      `is truncated or malformed JSON at byte ${Buffer.byteLength(text)} ` +
        `(line 3, column ${column}): ` +
        'the file ends inside a value; it was probably cut off while being written or copied',
    );
    expect(error.message).not.toContain(secret);
  });

  it('says where malformed JSON goes wrong', async () => {
    const text = `{"Users": [{"UserName": "${secret}"} {"UserName": "b"}]}`;
    const error = await failure(await fixture('malformed.json', text));
    const offset = text.indexOf('} {') + 2;
    expect(error.problem).toBe(
      `is truncated or malformed JSON at byte ${offset} (line 1, column ${offset + 1})`,
    );
    expect(error.message).not.toContain(secret);
  });

  it('counts bytes, not characters, past multi-byte text', async () => {
    const text = '{"Name": "ünïcødé", oops}';
    const error = await failure(await fixture('multibyte.json', text));
    const byte = Buffer.byteLength(text.slice(0, text.indexOf('oops')));
    expect(error.problem).toContain(`at byte ${byte} (line 1, column ${text.indexOf('oops') + 1})`);
  });

  it('tells a file that is not JSON at all', async () => {
    const error = await failure(await fixture('page.json', `<html>${secret}</html>`));
    expect(error.problem).toBe('is not JSON: no JSON value starts at byte 0 (line 1, column 1)');
    expect(error.message).not.toContain(secret);
  });

  it('refuses a million nested arrays with a clean error', async () => {
    const path = await fixture('deep.json', '['.repeat(1_000_000));
    const error = await failure(path);
    expect(error.problem).toBe(
      'nests arrays and objects more than 100 levels deep at byte 100 (line 1, column 101): ' +
        'that is not an AWS API response',
    );
  });

  it('accepts nesting up to the limit and ignores brackets inside strings', async () => {
    const text = `${'['.repeat(100)}"[[[{{{"${']'.repeat(100)}`;
    const path = await fixture('at-limit.json', text);
    expect((await readJsonFile(path)).value).toBeInstanceOf(Array);
  });

  it('stops inflating a gzip bomb at the cap', async () => {
    // 32 gzip members of 64 MiB of zeros each: 2 GiB inflated, about 2 MB on disk. gunzip reads
    // every member of a file, as it would a single stream.
    const member = gzipSync(
      Buffer.concat([Buffer.from('{"Vpcs": "'), Buffer.alloc(64 * 1024 * 1024)]),
      {
        level: 9,
      },
    );
    const path = await fixture(
      'bomb.json.gz',
      Buffer.concat(Array.from({ length: 32 }, () => member)),
    );
    expect((await stat(path)).size).toBeLessThan(4 * 1024 * 1024);
    const capped = await failure(path, { maxInflatedBytes: 256 * 1024 * 1024 });
    expect(capped.problem).toBe(
      `inflates to more than ${256 * 1024 * 1024} bytes, the most lateral inflates from one ` +
        'gzip file: a gzip bomb, or a file to split into one API response per file',
    );
    const withDefaults = await failure(path);
    expect(withDefaults.problem).toMatch(/^inflates to more than \d+ bytes/);
  });

  it('rejects a truncated gzip file', async () => {
    const compressed = gzipSync(`{"Vpcs": [{"VpcId": "${secret}"}]}`);
    const error = await failure(await fixture('cut.json.gz', compressed.subarray(0, 20)));
    expect(error.problem).toMatch(
      /^is a truncated or damaged gzip file \(\w+\): check it with gunzip -t/,
    );
    expect(error.message).not.toContain(secret);
  });

  it('rejects invalid UTF-8, naming the offset of the first bad byte', async () => {
    const prefix = Buffer.from(`{"Name": "${secret}`);
    const bytes = Buffer.concat([prefix, Buffer.from([0xc3, 0x28]), Buffer.from('"}')]);
    const error = await failure(await fixture('latin.json', bytes));
    expect(error.problem).toBe(
      `is not UTF-8 text (invalid byte sequence at byte ${prefix.length}): aws CLI output is ` +
        'UTF-8; convert the file to UTF-8 (for example with iconv) and import it again',
    );
    expect(error.message).not.toContain(secret);
  });

  it('rejects a file over the size limit', async () => {
    const path = await fixture('big.json', `{"Vpcs": [${'{},'.repeat(1000)}{}]}`);
    const error = await failure(path, { maxFileBytes: 1024 });
    expect(error.problem).toBe(
      'is larger than 1024 bytes, the most lateral reads from one evidence file: split it (one ' +
        'API response per file) or collect it again',
    );
  });

  it('names a path that cannot be read', async () => {
    const error = await failure(join(folder, 'absent.json'));
    expect(error.problem).toBe('cannot be read (ENOENT)');
  });
});

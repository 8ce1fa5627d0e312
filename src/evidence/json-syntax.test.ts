import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  hasSharedData,
  sharedDataDir as sharedData,
  sharedDataSkipNote,
} from '../../test/shared-data.js';
import { findExcessNesting, findJsonSyntaxError, lineAndColumn } from './json-syntax.js';

if (!hasSharedData) process.stderr.write(`${sharedDataSkipNote}\n`);

function parses(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('findJsonSyntaxError', () => {
  it('agrees with JSON.parse on small valid and invalid texts', () => {
    const samples = [
      '{}',
      '[]',
      '""',
      '0',
      '-0.5e+3',
      'true',
      'null',
      ' {"a": [1, 2, {"b": null}]} ',
      '{"a": "\\u00e9\\n"}',
      '[1,]',
      '{,}',
      '{"a" 1}',
      '{"a": 01}',
      '[1 2]',
      '"\\x"',
      '"a\nb"',
      '[-]',
      '1.',
      'tru',
      '{"a": tru}',
      '[',
      '{"a":',
      '"abc',
      '{"a": 1}}',
      '1 2',
      '[1e]',
      '{"a": "\\u12"}',
      '[.5]',
      '[+1]',
      '[1.e5]',
      '[nul]',
      '{"a":1,}',
      '[[[]]]]',
    ];
    for (const text of samples) {
      expect(findJsonSyntaxError(text) === -1, text).toBe(parses(text));
    }
  });

  it('reports text.length for a text cut off mid-value', () => {
    for (const text of ['{"a": [1, 2', '"abc', '{"a": tru', '[1.', '[-', '{"a": "\\u00']) {
      expect(findJsonSyntaxError(text), text).toBe(text.length);
    }
  });

  it.skipIf(!hasSharedData)('agrees with JSON.parse on every prefix of a real response', () => {
    const path = `${sharedData}/aws-api-captures/test_eni_public_subnet/ec2.DescribeSubnets_1.json`;
    const text = readFileSync(path, 'utf8');
    for (let end = 0; end <= text.length; end += 1) {
      const prefix = text.slice(0, end);
      const error = findJsonSyntaxError(prefix);
      expect(error === -1, `prefix of ${end}`).toBe(parses(prefix));
    }
  });
});

describe('findExcessNesting', () => {
  it('finds the first bracket past the limit and skips strings with escaped quotes', () => {
    expect(findExcessNesting('[[["\\"[[[["]]]', 3)).toBe(-1);
    expect(findExcessNesting('[{"a": [[]]}]', 3)).toBe(8);
    // An escaped backslash before a quote: the quote closes the string.
    expect(findExcessNesting('["\\\\", [[]]]', 2)).toBe(8);
  });
});

describe('lineAndColumn', () => {
  it('counts lines and columns from 1', () => {
    expect(lineAndColumn('ab\ncd\nef', 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn('ab\ncd\nef', 4)).toEqual({ line: 2, column: 2 });
    expect(lineAndColumn('ab\ncd\nef', 8)).toEqual({ line: 3, column: 3 });
  });
});

import { describe, expect, it } from 'vitest';
import type { QueryResult } from '../../store/store.js';
import { formatQueryError, StoreQueryError } from './format-error.js';
import { formatResult } from './format-result.js';

const result: QueryResult = {
  fields: [
    { name: 'id', dataTypeID: 25 },
    { name: 'tags', dataTypeID: 3802 },
    { name: 'seen', dataTypeID: 1184 },
  ],
  rows: [
    { id: 'i-1', tags: { Name: 'web, "prod"' }, seen: new Date('2024-01-02T03:04:05Z') },
    { id: 'i-2', tags: null, seen: null },
  ],
};

describe('query result formats', () => {
  it('prints JSON as an array of objects, jsonb as JSON', () => {
    expect(JSON.parse(formatResult(result, 'json'))).toEqual([
      { id: 'i-1', tags: { Name: 'web, "prod"' }, seen: '2024-01-02T03:04:05.000Z' },
      { id: 'i-2', tags: null, seen: null },
    ]);
  });

  it('prints CSV with a header and quoted JSON', () => {
    expect(formatResult(result, 'csv')).toBe(
      'id,tags,seen\ni-1,"{""Name"":""web, \\""prod\\""""}",2024-01-02T03:04:05.000Z\ni-2,,\n',
    );
  });

  it("prints Steampipe's line format", () => {
    expect(formatResult(result, 'line')).toBe(
      'id   | i-1\ntags | {"Name":"web, \\"prod\\""}\nseen | 2024-01-02T03:04:05.000Z\n\n' +
        'id   | i-2\ntags | <null>\nseen | <null>\n',
    );
  });

  it('prints a table with every value', () => {
    const text = formatResult(result, 'table');
    for (const expected of ['id', 'tags', 'i-1', '{"Name":"web, \\"prod\\""}', '<null>']) {
      expect(text).toContain(expected);
    }
  });

  it('points at the position of an error', () => {
    const sql = 'SELECT 1\nFROM x t  WHER 1';
    const position = sql.indexOf('WHER') + 1;
    const error = new StoreQueryError(
      'syntax error at or near "WHER"',
      '42601',
      position,
      undefined,
      undefined,
    );
    expect(formatQueryError(error, sql)).toBe(
      'ERROR: syntax error at or near "WHER" (SQLSTATE 42601)\nLINE 2: FROM x t  WHER 1\n' +
        '                  ^',
    );
  });
});

import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../../evidence/evidence-error.js';
import { decodePolicyDocument } from './policy-document.js';

const here = { file: 'get-role.json', path: ['Role', 'AssumeRolePolicyDocument'] };
const trust = {
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' },
  ],
};

describe('decodePolicyDocument', () => {
  it('takes a document the aws CLI already decoded', () => {
    expect(decodePolicyDocument(trust, here)).toBe(trust);
  });

  it('decodes URL-encoded JSON, as the raw API and boto return IAM documents', () => {
    expect(decodePolicyDocument(encodeURIComponent(JSON.stringify(trust)), here)).toEqual(trust);
  });

  it('reads plain JSON text, keeping a literal % and + inside it', () => {
    const document = { Statement: [{ Condition: { StringLike: { 's3:prefix': 'a%2B+b' } } }] };
    expect(decodePolicyDocument(JSON.stringify(document), here)).toEqual(document);
  });

  it('names the file and path of a document that does not decode, not its text', () => {
    const call = () => decodePolicyDocument('%7B%22Version%22%3A secret', here);
    expect(call).toThrow(EvidenceError);
    expect(call).toThrow('get-role.json at $.Role.AssumeRolePolicyDocument');
    expect(call).not.toThrow('secret');
    expect(() => decodePolicyDocument(42, here)).toThrow('found a number');
    expect(() => decodePolicyDocument('[1,2]', here)).toThrow(EvidenceError);
  });
});

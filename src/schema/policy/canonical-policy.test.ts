import { describe, expect, it } from 'vitest';
import { EvidenceError } from '../../evidence/evidence-error.js';
import { canonicalPolicy, compareUtf8 } from './canonical-policy.js';

// Cases re-expressed from the behaviour that turbot/steampipe-plugin-aws checks in
// aws/canonical_policy_test.go, plus the example of Steampipe's normalization blog post.
const here = { file: 'policy.json', path: ['Policy'] };
const std = (document: Record<string, unknown>) => canonicalPolicy(document, here);

describe('canonicalPolicy', () => {
  it('gives an empty document an empty version and no statements', () => {
    expect(std({})).toEqual({ Statement: null, Version: '' });
  });

  it('keeps Version and Id', () => {
    expect(std({ Version: '2012-10-17' }).Version).toBe('2012-10-17');
    expect(std({ Id: 'cd3ad3d9-2776-4ef1-a904-4c229d1642ee' }).Id).toBe(
      'cd3ad3d9-2776-4ef1-a904-4c229d1642ee',
    );
  });

  it('turns empty statements into statements with only an empty Effect', () => {
    expect(std({ Statement: [{}] }).Statement).toEqual([{ Effect: '' }]);
    expect(std({ Statement: [{}, {}, {}] }).Statement).toHaveLength(3);
  });

  it('always makes Statement an array', () => {
    const policy = std({ Statement: { Effect: 'Allow', Action: 's3:GetObject' } });
    expect(policy.Statement).toEqual([{ Effect: 'Allow', Action: ['s3:getobject'] }]);
  });

  it('puts a bare principal under AWS and keeps principal types as written', () => {
    const policy = std({
      Statement: [
        { Principal: '*' },
        { Principal: { AWS: '*' } },
        { Principal: { CanonicalUser: '*' } },
        { Principal: { Service: '*' } },
        { Principal: { 'Any Value': '*' } },
      ],
    });
    expect(policy.Statement?.map((statement) => statement.Principal)).toEqual([
      { AWS: ['*'] },
      { AWS: ['*'] },
      { CanonicalUser: ['*'] },
      { Service: ['*'] },
      { 'Any Value': ['*'] },
    ]);
  });

  it('sorts principal values and removes duplicates', () => {
    const policy = std({
      Statement: [
        { Principal: { AWS: ['999911119999', '111199991111', '999911119999'] } },
        { NotPrincipal: { Service: ['b.amazonaws.com', 'a.amazonaws.com'] } },
      ],
    });
    expect(policy.Statement?.[0]?.Principal).toEqual({ AWS: ['111199991111', '999911119999'] });
    expect(policy.Statement?.[1]?.NotPrincipal).toEqual({
      Service: ['a.amazonaws.com', 'b.amazonaws.com'],
    });
  });

  it('rejects a principal that is a number or an array, naming the path', () => {
    expect(() => std({ Statement: [{ Principal: 10 }] })).toThrow(EvidenceError);
    expect(() => std({ Statement: [{ Principal: ['a', 'b'] }] })).toThrow(
      'policy.json at $.Policy.Statement[0].Principal',
    );
  });

  it('lower-cases, sorts and de-duplicates actions', () => {
    const policy = std({
      Statement: [
        { Action: ['S3:PutObject', 's3:GetObject', 's3:putobject'] },
        { NotAction: 'IAM:*' },
      ],
    });
    expect(policy.Statement?.[0]?.Action).toEqual(['s3:getobject', 's3:putobject']);
    expect(policy.Statement?.[1]?.NotAction).toEqual(['iam:*']);
  });

  it('sorts resources but keeps their case, and writes non-strings as text', () => {
    const policy = std({
      Statement: [
        { Resource: ['ccc/*', 'bbb/*', 'aaa/*', 'AAA/*'] },
        { NotResource: 3 },
        {
          Resource: 'arn:aws:dynamodb:us-east-1:account-ID-without-hyphens:table/*',
        },
      ],
    });
    expect(policy.Statement?.[0]?.Resource).toEqual(['AAA/*', 'aaa/*', 'bbb/*', 'ccc/*']);
    expect(policy.Statement?.[1]?.NotResource).toEqual(['3']);
    expect(policy.Statement?.[2]?.Resource).toEqual([
      'arn:aws:dynamodb:us-east-1:account-ID-without-hyphens:table/*',
    ]);
  });

  it('lower-cases condition keys, not operators; values become sorted string lists', () => {
    const policy = std({
      Statement: [
        {
          Condition: {
            StringEquals: { StringCondition1: 'Value1', StringCondition2: ['b', 'a', 'b'] },
            NumericEquals: { NumericCondition: [20, 10, 10] },
            Bool: { BoolCondition: [true, false, true] },
            DateGreaterThan: { DateCondition: '2020-01-01T00:00:01Z' },
            IpAddress: { IpCondition: '203.0.113.0/24' },
          },
        },
      ],
    });
    expect(policy.Statement?.[0]?.Condition).toEqual({
      Bool: { boolcondition: ['false', 'true'] },
      DateGreaterThan: { datecondition: ['2020-01-01T00:00:01Z'] },
      IpAddress: { ipcondition: ['203.0.113.0/24'] },
      NumericEquals: { numericcondition: ['10', '20'] },
      StringEquals: { stringcondition1: ['Value1'], stringcondition2: ['a', 'b'] },
    });
  });

  it('normalizes the example of Steampipe’s normalization article', () => {
    const policy = std({
      Version: '2012-10-17',
      Statement: [
        {
          Sid: 'MustBeEncryptedInTransit',
          Action: 's3:*',
          Effect: 'Deny',
          Resource: ['arn:aws:s3:::scranton-bucket', 'arn:aws:s3:::scranton-bucket/*'],
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
          Principal: '*',
        },
      ],
    });
    expect(policy).toEqual({
      Statement: [
        {
          Action: ['s3:*'],
          Condition: { Bool: { 'aws:securetransport': ['false'] } },
          Effect: 'Deny',
          Principal: { AWS: ['*'] },
          Resource: ['arn:aws:s3:::scranton-bucket', 'arn:aws:s3:::scranton-bucket/*'],
          Sid: 'MustBeEncryptedInTransit',
        },
      ],
      Version: '2012-10-17',
    });
  });

  it('matches element names case-insensitively, as Go does', () => {
    const policy = std({
      version: '2012-10-17',
      statement: [{ effect: 'Allow', action: 'EC2:*' }],
    });
    expect(policy).toEqual({
      Statement: [{ Effect: 'Allow', Action: ['ec2:*'] }],
      Version: '2012-10-17',
    });
  });

  it('rejects wrong types with the JSON path and without the value', () => {
    let error: unknown;
    try {
      std({ Statement: [{ Effect: 'Allow' }, { Condition: { StringEquals: 'secret-value' } }] });
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(EvidenceError);
    const message = (error as Error).message;
    expect(message).toContain('$.Policy.Statement[1].Condition.StringEquals');
    expect(message).not.toContain('secret-value');
    expect(() => std({ Version: 2012 })).toThrow('$.Policy.Version');
    expect(() => std({ Statement: 'x' })).toThrow('$.Policy.Statement');
  });

  it('sorts by UTF-8 bytes as Go does, not UTF-16 units', () => {
    // U+FF5E (3 UTF-8 bytes, EF BD 9E) sorts before U+1F600 (4 bytes, F0 ...) in UTF-8,
    // while UTF-16 compares the surrogate D83D before FF5E.
    expect(['\u{1F600}', '\uFF5E'].sort(compareUtf8)).toEqual(['\uFF5E', '\u{1F600}']);
    expect(['\u{1F600}', '\uFF5E'].sort()).toEqual(['\u{1F600}', '\uFF5E']);
  });
});

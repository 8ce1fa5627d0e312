import type { EvidenceDocument } from '../../evidence/evidence-document.js';
import type { AwsTagListShape } from '../aws-shapes/account-common-shapes.js';
import { canonicalPolicy } from '../policy/canonical-policy.js';
import type { EvidenceLocation } from '../policy/policy-document.js';
import { decodePolicyDocument } from '../policy/policy-document.js';
import type { Row } from '../column.js';
import { arnAkas, tagColumns } from './account-row-values.js';

/** A place inside an evidence document, for messages that name the file and JSON path. */
export function locate(document: EvidenceDocument, path: readonly PropertyKey[]): EvidenceLocation {
  return { file: document.source, path };
}

/** The ARNs of a list of attached managed policies; an absent list is none (detail APIs). */
export function attachedPolicyArns(
  list: readonly { PolicyArn: string }[] | null | undefined,
): string[] {
  return (list ?? []).map((policy) => policy.PolicyArn);
}

/**
 * The tags columns of a detail response (GetUser, GetRole, authorization details), which leave
 * the Tags element out when there are none.
 */
export function detailTagColumns(tags: AwsTagListShape | null | undefined): Row {
  return tagColumns(tags ?? []);
}

/** The tags columns of a list response, which does not report tags unless it holds them. */
export function listTagColumns(tags: AwsTagListShape | null | undefined): Row {
  return tags === undefined || tags === null ? {} : tagColumns(tags);
}

/** name, arn, title and akas, which every IAM row has. */
export function identityColumns(name: string, arn: string): Row {
  return { name, arn, title: name, akas: arnAkas(arn) };
}

/**
 * A policy document column pair as Steampipe has them: the decoded document (`policy`) and its
 * canonical form (`policy_std`). An absent document leaves both unknown.
 */
export function policyColumns(
  value: unknown,
  location: EvidenceLocation,
): { document: Record<string, unknown>; std: unknown } | undefined {
  if (value === undefined || value === null) return undefined;
  const document = decodePolicyDocument(value, location);
  return { document, std: canonicalPolicy(document, location) };
}

/** A policy document's raw text, as Steampipe's text column of it: as AWS sent it, or as JSON. */
export function policyText(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

import { canonicalPolicy, type CanonicalPolicy } from './canonical-policy.js';
import {
  decodePolicyDocument,
  type EvidenceLocation,
  type PolicyDocument,
} from './policy-document.js';

/** An inline policy as AWS lists it for a user, group or role (PolicyDocument in any form). */
export interface InlinePolicySource {
  PolicyName: string;
  PolicyDocument?: unknown;
}

export interface InlinePolicyColumns {
  /** [{PolicyName, PolicyDocument}] with decoded documents, as Steampipe's inline_policies. */
  inlinePolicies: { PolicyName: string; PolicyDocument: PolicyDocument }[] | null;
  /** The same with each document in canonical form, as Steampipe's inline_policies_std. */
  inlinePoliciesStd: { PolicyName: string; PolicyDocument: CanonicalPolicy }[] | null;
}

/**
 * Steampipe's inline_policies and inline_policies_std. An entity without inline policies gets
 * null in both, as in Steampipe (whose documented queries test `inline_policies is not null`);
 * so does one whose inline policies were not collected (`list` undefined).
 */
export function inlinePolicyColumns(
  list: readonly InlinePolicySource[] | undefined,
  location: EvidenceLocation,
): InlinePolicyColumns {
  if (list === undefined || list.length === 0) {
    return { inlinePolicies: null, inlinePoliciesStd: null };
  }
  const decoded = list.map((policy, index) => {
    const where = { file: location.file, path: [...location.path, index, 'PolicyDocument'] };
    return {
      name: policy.PolicyName,
      document: decodePolicyDocument(policy.PolicyDocument, where),
      where,
    };
  });
  return {
    inlinePolicies: decoded.map(({ name, document }) => ({
      PolicyName: name,
      PolicyDocument: document,
    })),
    inlinePoliciesStd: decoded.map(({ name, document, where }) => ({
      PolicyName: name,
      PolicyDocument: canonicalPolicy(document, where),
    })),
  };
}

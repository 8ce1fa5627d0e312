import { EvidenceError, formatJsonPath } from '../../evidence/evidence-error.js';
import type { EvidenceLocation, PolicyDocument } from './policy-document.js';

/**
 * Steampipe's canonical (`_std`) form of an IAM policy, so that SQL can search policies without
 * caring how their authors wrote them:
 * - Statement is always an array (null when the document has none);
 * - Action and NotAction are lower-cased, de-duplicated, sorted arrays;
 * - Resource and NotResource are de-duplicated, sorted arrays, case kept;
 * - Principal and NotPrincipal are objects of sorted arrays; a bare string becomes {AWS: [it]};
 * - Condition keys are lower-cased (operators are not) and every value is a sorted string array;
 * - empty or absent optional elements are left out; Effect and Version are always there.
 * Element names match case-insensitively, as Go's JSON decoding does in Steampipe's plugin.
 */
export interface CanonicalStatement {
  Action?: string[];
  Condition?: Record<string, Record<string, string[]>>;
  Effect: string;
  NotAction?: string[];
  NotPrincipal?: Record<string, string[]>;
  NotResource?: string[];
  Principal?: Record<string, string[]>;
  Resource?: string[];
  Sid?: string;
}

export interface CanonicalPolicy {
  Id?: string;
  Statement: CanonicalStatement[] | null;
  Version: string;
}

type Path = readonly PropertyKey[];

function fail(location: EvidenceLocation, path: Path, problem: string): never {
  throw new EvidenceError(location.file, problem, formatJsonPath([...location.path, ...path]));
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The element of that name, matched case-insensitively; the last match wins, as in Go. */
function element(object: Record<string, unknown>, name: string): [string, unknown] | undefined {
  const wanted = name.toLowerCase();
  let found: [string, unknown] | undefined;
  for (const [key, value] of Object.entries(object)) {
    if (key.toLowerCase() === wanted) found = [key, value];
  }
  return found;
}

/** Go's sort.Strings order: by UTF-8 bytes, which differs from UTF-16 order past U+FFFF. */
export function compareUtf8(left: string, right: string): number {
  return Buffer.compare(Buffer.from(left, 'utf8'), Buffer.from(right, 'utf8'));
}

function uniqueSorted(values: readonly string[]): string[] {
  return [...new Set(values)].sort(compareUtf8);
}

/** A scalar as text the way the plugin writes it: numbers and booleans as their JSON text. */
function scalarText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === null) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/** A string or an array of them (other scalars allowed, as text) as an array of strings. */
function stringList(value: unknown): string[] {
  return Array.isArray(value) ? value.map(scalarText) : [scalarText(value)];
}

function optionalString(
  statement: Record<string, unknown>,
  name: string,
  location: EvidenceLocation,
  path: Path,
): string | undefined {
  const found = element(statement, name);
  if (found === undefined || found[1] === null) return undefined;
  if (typeof found[1] !== 'string') {
    fail(
      location,
      [...path, found[0]],
      `expected a string in the policy, found ${kindOf(found[1])}`,
    );
  }
  return found[1];
}

function valueList(
  statement: Record<string, unknown>,
  name: string,
  lowerCase: boolean,
): string[] | undefined {
  const found = element(statement, name);
  if (found === undefined || found[1] === null) return undefined;
  const list = stringList(found[1]).map((item) => (lowerCase ? item.toLowerCase() : item));
  const values = uniqueSorted(list);
  return values.length === 0 ? undefined : values;
}

function principal(
  statement: Record<string, unknown>,
  name: string,
  location: EvidenceLocation,
  path: Path,
): Record<string, string[]> | undefined {
  const found = element(statement, name);
  if (found === undefined) return undefined;
  const [key, value] = found;
  if (typeof value === 'string') return { AWS: [value] };
  if (!isObject(value)) {
    fail(
      location,
      [...path, key],
      `expected a principal ("*" or an object of principal types), found ${kindOf(value)}`,
    );
  }
  const types = Object.keys(value).sort(compareUtf8);
  if (types.length === 0) return undefined;
  return Object.fromEntries(types.map((type) => [type, uniqueSorted(stringList(value[type]))]));
}

function condition(
  statement: Record<string, unknown>,
  location: EvidenceLocation,
  path: Path,
): Record<string, Record<string, string[]>> | undefined {
  const found = element(statement, 'Condition');
  if (found === undefined || found[1] === null) return undefined;
  const [key, operators] = found;
  if (!isObject(operators)) {
    fail(location, [...path, key], `expected a condition object, found ${kindOf(operators)}`);
  }
  const result: Record<string, Record<string, string[]>> = {};
  for (const operator of Object.keys(operators).sort(compareUtf8)) {
    const block = operators[operator];
    if (!isObject(block)) {
      fail(location, [...path, key, operator], `expected an object, found ${kindOf(block)}`);
    }
    // Condition keys are case-insensitive in IAM. Two spellings of one key are merged rather
    // than one overwriting the other, so no value is lost from the canonical form.
    const merged = new Map<string, string[]>();
    for (const [conditionKey, conditionValue] of Object.entries(block)) {
      const lowered = conditionKey.toLowerCase();
      const values = conditionValue === null ? [] : stringList(conditionValue);
      merged.set(lowered, [...(merged.get(lowered) ?? []), ...values]);
    }
    result[operator] = Object.fromEntries(
      [...merged.keys()]
        .sort(compareUtf8)
        .map((conditionKey) => [conditionKey, uniqueSorted(merged.get(conditionKey) ?? [])]),
    );
  }
  return Object.keys(result).length === 0 ? undefined : result;
}

function canonicalStatement(
  value: unknown,
  location: EvidenceLocation,
  path: Path,
): CanonicalStatement {
  if (value === null) return { Effect: '' };
  if (!isObject(value)) fail(location, path, `expected a statement object, found ${kindOf(value)}`);
  const statement: CanonicalStatement = {
    Effect: optionalString(value, 'Effect', location, path) ?? '',
  };
  const parts: Partial<CanonicalStatement> = {
    Action: valueList(value, 'Action', true),
    Condition: condition(value, location, path),
    NotAction: valueList(value, 'NotAction', true),
    NotPrincipal: principal(value, 'NotPrincipal', location, path),
    NotResource: valueList(value, 'NotResource', false),
    Principal: principal(value, 'Principal', location, path),
    Resource: valueList(value, 'Resource', false),
    Sid: optionalString(value, 'Sid', location, path) || undefined,
  };
  for (const [name, part] of Object.entries(parts)) {
    if (part !== undefined) Object.assign(statement, { [name]: part });
  }
  return statement;
}

/**
 * The canonical form of a decoded policy document. Throws an EvidenceError naming the file and
 * the JSON path of the first element that has a type IAM does not allow there.
 */
export function canonicalPolicy(
  document: PolicyDocument,
  location: EvidenceLocation,
): CanonicalPolicy {
  const found = element(document, 'Statement');
  let statements: CanonicalStatement[] | null = null;
  if (found !== undefined) {
    const [key, value] = found;
    if (Array.isArray(value)) {
      statements = value.map((item, index) => canonicalStatement(item, location, [key, index]));
    } else if (isObject(value)) {
      statements = [canonicalStatement(value, location, [key])];
    } else {
      fail(location, [key], `expected a statement or an array of them, found ${kindOf(value)}`);
    }
  }
  const policy: CanonicalPolicy = {
    Statement: statements,
    Version: optionalString(document, 'Version', location, []) ?? '',
  };
  const id = optionalString(document, 'Id', location, []);
  return id ? { Id: id, ...policy } : policy;
}

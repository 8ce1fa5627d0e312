import { apiCatalog, type ApiSpec } from './api-catalog.js';
import { nameHint } from './api-file-names.js';

/** What a loose aws CLI output file holds, or why lateral cannot tell. */
export type Recognition =
  { recognized: true; spec: ApiSpec; resourceId?: string } | { recognized: false; reason: string };

const plainKeyPattern = /^[A-Za-z][A-Za-z0-9]{0,63}$/;

/**
 * The top-level keys, for a message: only plain identifiers, at most five. Keys are structure,
 * not values, but a hostile file could still put terminal escapes in one, so others are counted.
 */
function describeKeys(body: Record<string, unknown>): string {
  const keys = Object.keys(body);
  if (keys.length === 0) return 'it holds an empty object';
  const plain = keys.filter((key) => plainKeyPattern.test(key)).slice(0, 5);
  const others = keys.length - plain.length;
  const listed = plain.length === 0 ? '' : plain.join(', ');
  const more = others === 0 ? '' : `${listed === '' ? '' : ' and '}${others} other(s)`;
  return `top-level keys: ${listed}${more}`;
}

function describeTopLevel(value: unknown): string {
  if (Array.isArray(value)) return 'a JSON array';
  if (value === null) return 'null';
  return `a JSON ${typeof value}`;
}

function hasKeys(body: Record<string, unknown>, keys: readonly string[]): boolean {
  return keys.every((key) => Object.hasOwn(body, key));
}

/** The covered APIs whose shape keys are all present, most specific (most keys) first. */
function matchByKeys(body: Record<string, unknown>): ApiSpec[] {
  const matches = apiCatalog.filter(
    (spec) => spec.shapeKeys.length > 0 && hasKeys(body, spec.shapeKeys),
  );
  const most = Math.max(0, ...matches.map((spec) => spec.shapeKeys.length));
  return matches.filter((spec) => spec.shapeKeys.length === most);
}

function decodeName(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** A per-resource call names its resource inside the response, or only in the file's name. */
function resourceIdOf(spec: ApiSpec, body: Record<string, unknown>): string | undefined {
  const field = (container: string, key: string): string | undefined => {
    const inner = body[container];
    if (inner === null || typeof inner !== 'object') return undefined;
    const value = (inner as Record<string, unknown>)[key];
    return typeof value === 'string' && value !== '' ? value : undefined;
  };
  if (spec.id === 'iam:GetRole') return field('Role', 'RoleName');
  if (spec.id === 'iam:GetUser') return field('User', 'UserName');
  return undefined;
}

function withResource(
  spec: ApiSpec,
  body: Record<string, unknown>,
  fileName: string,
  folderName: string | undefined,
): Recognition {
  if (!spec.perResource) return { recognized: true, spec };
  const folderHint = folderName === undefined ? undefined : nameHint(folderName);
  const fromFolder =
    folderHint !== undefined && folderHint.kind !== 'cli-uncovered' && folderHint.spec === spec
      ? decodeName(fileName.replace(/\.json(?:\.gz)?$/i, ''))
      : undefined;
  const resourceId = resourceIdOf(spec, body) ?? fromFolder;
  if (resourceId === undefined) {
    return {
      recognized: false,
      reason:
        `holds ${spec.id} output, which does not say which resource it is for: put it in a ` +
        `folder named ${spec.service}.${spec.operation} and name the file <resource>.json`,
    };
  }
  return { recognized: true, spec, resourceId };
}

/**
 * Tells which covered API a loose aws CLI output file holds: by its name when the name says
 * (`ec2.DescribeInstances_1.json`, `describe-instances.json`; a per-resource file may sit in a
 * folder named after its call, `s3.GetBucketPolicy/<bucket>.json`), otherwise by its top-level
 * keys (all of an API's shape keys present; the API with most keys wins).
 */
export function recognizeApi(body: unknown, fileName: string, folderName?: string): Recognition {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    return {
      recognized: false,
      reason:
        `holds ${describeTopLevel(body)} at the top level, not the output of one aws CLI ` +
        'call (an object)',
    };
  }
  const object = body as Record<string, unknown>;
  const folderHint = folderName === undefined ? undefined : nameHint(folderName);
  if (folderHint !== undefined && folderHint.kind !== 'cli-uncovered' && folderHint.spec) {
    if (folderHint.spec.perResource) {
      return withResource(folderHint.spec, object, fileName, folderName);
    }
  }
  const hint = nameHint(fileName);
  if (hint?.kind === 'cli-uncovered') {
    return { recognized: false, reason: `${hint.apiName} is not an API lateral reads` };
  }
  if (hint !== undefined && hint.spec === undefined) {
    return { recognized: false, reason: `${hint.apiName} is not an API lateral reads` };
  }
  if (hint?.spec !== undefined) {
    const spec = hint.spec;
    if (!hasKeys(object, spec.shapeKeys)) {
      return {
        recognized: false,
        reason:
          `is named like ${spec.id} output but lacks its top-level key(s) ` +
          `${spec.shapeKeys.join(', ')} (${describeKeys(object)})`,
      };
    }
    return withResource(spec, object, fileName, folderName);
  }
  const matches = matchByKeys(object);
  const [only] = matches;
  if (only === undefined) {
    return {
      recognized: false,
      reason:
        `does not look like the output of an API lateral reads (${describeKeys(object)}); ` +
        'if it is one, name the file after its call, e.g. ec2.DescribeInstances.json',
    };
  }
  if (matches.length > 1) {
    return {
      recognized: false,
      reason:
        `has the top-level keys of several APIs (${matches.map((spec) => spec.id).join(', ')}): ` +
        'name the file after its call, e.g. ec2.DescribeInstances.json',
    };
  }
  return withResource(only, object, fileName, folderName);
}

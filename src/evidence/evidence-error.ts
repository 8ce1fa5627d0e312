import type { z } from 'zod';

/**
 * Evidence that cannot be used as it is. The message names the file (and the JSON path where it
 * helps) and says what was expected; it never quotes the file's contents, which may be hostile.
 */
export class EvidenceError extends Error {
  override readonly name = 'EvidenceError';

  constructor(
    readonly file: string,
    readonly problem: string,
    readonly jsonPath?: string,
  ) {
    super(`${file}${jsonPath === undefined ? '' : ` at ${jsonPath}`}: ${problem}`);
  }
}

/** `$.Reservations[3].Instances[0].InstanceId` from a path of keys and indexes. */
export function formatJsonPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>(
    (text, part) =>
      typeof part === 'number'
        ? `${text}[${part}]`
        : /^[A-Za-z_][A-Za-z0-9_]*$/.test(String(part))
          ? `${text}.${String(part)}`
          : `${text}[${JSON.stringify(String(part))}]`,
    '$',
  );
}

function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  switch (typeof value) {
    case 'object':
      return 'an object';
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return typeof value;
  }
}

/** The value at a path, to say what type was found there (never the value itself). */
function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value: unknown = root;
  for (const part of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[part];
  }
  return value;
}

/**
 * Checks a document against a zod schema of the fields lateral reads (schemas are loose: unknown
 * extra fields pass) and returns the parsed value, or throws an EvidenceError for the first
 * problem, naming its JSON path, the type expected and the type found.
 */
export function parseEvidence<Schema extends z.ZodType>(
  schema: Schema,
  body: unknown,
  file: string,
): z.infer<Schema> {
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  if (issue === undefined) throw new EvidenceError(file, 'does not have the expected shape');
  const found = valueAt(body, issue.path);
  const expected =
    issue.code === 'invalid_type' ? `expected ${issue.expected}` : issue.message.toLowerCase();
  const foundText = found === undefined ? 'found nothing' : `found ${describeType(found)}`;
  throw new EvidenceError(file, `${expected}, ${foundText}`, formatJsonPath(issue.path));
}

import { apiCatalog, findApiSpec, type ApiSpec } from './api-catalog.js';

/**
 * The names tools give files of API responses, mapped to lateral's API catalog:
 * `ec2.DescribeInstances.json` and `ec2.DescribeInstances_3.json` (lateral, boto3 placebo),
 * `ec2-describe-instances.json` (CloudMapper) and `describe-instances.json` (aws CLI habit).
 */

/** The aws CLI subcommand, e.g. `describe-instances` from `ec2 describe-instances`. */
function subcommand(spec: ApiSpec): string {
  return spec.cliCommand.split(' ')[1] ?? '';
}

/** CloudMapper names a call `<service>-<subcommand>`, with `s3` for the CLI's `s3api`. */
export function cloudMapperName(spec: ApiSpec): string {
  return `${spec.service}-${subcommand(spec)}`;
}

const byCloudMapperName = new Map(apiCatalog.map((spec) => [cloudMapperName(spec), spec]));

const bySubcommand = new Map<string, ApiSpec | 'ambiguous'>();
for (const spec of apiCatalog) {
  const name = subcommand(spec);
  bySubcommand.set(name, bySubcommand.has(name) ? 'ambiguous' : spec);
}

export function specByCloudMapperName(name: string): ApiSpec | undefined {
  return byCloudMapperName.get(name);
}

/** What a file's name says about the call it holds. */
export type NameHint =
  /** `<service>.<Operation>`: names the API exactly, covered or not. */
  | { kind: 'dotted'; apiName: string; spec: ApiSpec | undefined }
  /** `<service>-<subcommand>` or `<subcommand>`: names a covered API. */
  | { kind: 'cli'; apiName: string; spec: ApiSpec }
  /** `<service>-describe-...`: looks like CloudMapper's name of an API that is not covered. */
  | { kind: 'cli-uncovered'; apiName: string };

const dottedPattern = /^([a-z][a-z0-9-]*)\.([A-Z][A-Za-z0-9]*)(?:_\d+)?$/;
const cliPattern = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)+$/;
const uncoveredCliPattern = /^[a-z][a-z0-9]*-(?:describe|list|get)-[a-z0-9-]+$/;

/** The name without `.json`, `.json.gz` or a trailing `_<n>` copy number of the CLI forms. */
function stem(fileName: string): string {
  return fileName.replace(/\.json(?:\.gz)?$/i, '');
}

export function nameHint(fileName: string): NameHint | undefined {
  const base = stem(fileName);
  const dotted = dottedPattern.exec(base);
  if (dotted !== null) {
    const apiName = `${dotted[1]}.${dotted[2]}`;
    return { kind: 'dotted', apiName, spec: findApiSpec(`${dotted[1]}:${dotted[2]}`) };
  }
  const cliName = base.replace(/_\d+$/, '');
  if (!cliPattern.test(cliName)) return undefined;
  const cloudMapper = byCloudMapperName.get(cliName);
  if (cloudMapper !== undefined) return { kind: 'cli', apiName: cliName, spec: cloudMapper };
  const plain = bySubcommand.get(cliName);
  if (plain !== undefined && plain !== 'ambiguous') {
    return { kind: 'cli', apiName: cliName, spec: plain };
  }
  if (uncoveredCliPattern.test(cliName)) return { kind: 'cli-uncovered', apiName: cliName };
  return undefined;
}

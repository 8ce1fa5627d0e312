import type { ApiId } from './api-catalog.js';

/**
 * One API response read from evidence, whatever layout it came from: lateral's evidence folder,
 * a CloudMapper folder or a loose aws CLI output file. Bodies are the aws CLI's JSON output
 * (PascalCase keys, timestamps as ISO strings, every page of a paginated call merged).
 */
export interface EvidenceDocument {
  api: ApiId;
  accountId: string;
  /** An AWS region name, or `global` for global services. */
  region: string;
  /** For per-resource calls: the resource the call was made for (bucket name, role name). */
  resourceId?: string;
  body: unknown;
  /** Where the document came from, for messages: a path relative to what the user named. */
  source: string;
}

/** An evidence file as recorded in a snapshot. */
export interface SourceFile {
  /** The path the user can find it at (absolute, or as given on the command line). */
  path: string;
  sha256: string;
  bytes: number;
  /** The evidence layout it was read as. */
  layout: 'lateral' | 'cloudmapper' | 'aws-cli';
}

/** A file that was not imported, and why; recorded as a gap of the snapshot. */
export interface SkippedFile {
  path: string;
  /** A message for the user: what was wrong and what to do. Never quotes the file's contents. */
  reason: string;
}

/** Something collection could not read (from a manifest's failures), or import could not use. */
export interface CoverageGap {
  accountId: string | null;
  region: string | null;
  service: string | null;
  api: string | null;
  errorCode: string;
  message: string;
  /** The evidence file or manifest the gap was recorded in. */
  source: string;
}

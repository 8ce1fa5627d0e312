import type { ApiId } from './api-catalog.js';
import type {
  CoverageGap,
  EvidenceDocument,
  SkippedFile,
  SourceFile,
} from './evidence-document.js';

/** An evidence file found on disk whose account, region and API are known before it is read. */
export interface EvidenceFileRef {
  /** The path to open. */
  path: string;
  layout: SourceFile['layout'];
  accountId: string;
  region: string;
  api: ApiId;
  resourceId?: string;
  /** From a lateral manifest: the file must have this hash and size, or it is skipped. */
  expectedSha256?: string;
  expectedBytes?: number;
}

/** A file that had to be read to learn what it holds (a loose aws CLI output file). */
export interface LoadedEvidenceFile {
  source: SourceFile;
  documents: EvidenceDocument[];
}

/** What `discoverEvidence` found under the paths a user named. */
export interface EvidenceInventory {
  /** Files to read later, one account at a time, so memory stays bounded by one account. */
  files: EvidenceFileRef[];
  /** Files already read while finding out what they hold. */
  loaded: LoadedEvidenceFile[];
  skipped: SkippedFile[];
  /** Failures recorded by collection (manifests), and collections marked incomplete. */
  gaps: CoverageGap[];
  /** Account names where the evidence tells them (manifests, CloudMapper's config). */
  accountNames: Map<string, string>;
}

export interface DiscoverOptions {
  /** For loose files that cannot tell: the account they belong to. */
  accountId?: string;
  /** For loose files of regional APIs that cannot tell: their region. */
  region?: string;
}

import type { CoverageNote, ResourceType } from '../graph/graph-model.js';

/** How many resources of one type one account holds, for the dashboard's first page. */
export interface ResourceCount {
  accountId: string | null;
  type: ResourceType;
  count: number;
  /** Of those, how many are placeholders (named by evidence, not collected). */
  placeholders: number;
}

/** An account the store knows, with the name Organizations gave it when that was collected. */
export interface AccountSummary {
  accountId: string;
  name: string | null;
}

/** GET /api/summary. */
export interface DashboardSummary {
  accounts: AccountSummary[];
  counts: ResourceCount[];
}

/** GET /api/coverage. */
export interface CoverageResponse {
  notes: CoverageNote[];
}

/** The body of every API error. */
export interface ApiError {
  error: string;
}

/** The export formats of GET /api/graph/export. */
export const textExportFormats = ['json', 'dot', 'mermaid'] as const;
export type TextExportFormat = (typeof textExportFormats)[number];

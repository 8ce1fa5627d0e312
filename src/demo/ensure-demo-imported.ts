import { importEvidence } from '../import/import-evidence.js';
import type { ImportReport } from '../import/import-report.js';
import type { Logger } from '../log/logger.js';
import type { Store } from '../store/store.js';
import { prepareDemoFolder } from './demo-folder.js';
import { writeDemoEvidence, type DemoFacts } from './write-demo-evidence.js';

export interface DemoImport {
  facts: DemoFacts;
  report: ImportReport;
}

/** The label of the demo's snapshot. */
export const demoSnapshotLabel = 'lateral demo organization';

/**
 * Writes the demo evidence into `folder` and imports it. The evidence is the same bytes every
 * time, so when the demo was imported before the import finds it by digest and writes nothing
 * (`report.outcome` is `unchanged`). Refuses a folder holding anything but an earlier demo
 * unless `force`.
 */
export async function ensureDemoImported(
  store: Store,
  folder: string,
  options: { force?: boolean; logger?: Logger } = {},
): Promise<DemoImport> {
  await prepareDemoFolder(folder, options.force ?? false);
  const facts = await writeDemoEvidence(folder);
  const report = await importEvidence(store, [folder], {
    label: demoSnapshotLabel,
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  return { facts, report };
}

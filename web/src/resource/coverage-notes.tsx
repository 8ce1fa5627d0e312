import type { CoverageNote, ResourceNode } from '../../../src/graph/graph-model.js';
import { SafeText } from '../format/safe-text.js';

interface CoverageNotesProps {
  node: ResourceNode;
  notes: readonly CoverageNote[];
}

/**
 * What this page cannot show because it was not collected. A responder must not read a missing
 * row or relationship as "there is none".
 */
export function CoverageNotes({ node, notes }: CoverageNotesProps) {
  if (node.collected && notes.length === 0) return null;
  return (
    <section className="coverage" aria-label="Coverage">
      {!node.collected && (
        <p>
          <strong>Not collected.</strong> This resource is named by collected evidence, but its own
          data was not collected: its properties and relationships below are incomplete.
        </p>
      )}
      {notes.length > 0 && (
        <ul>
          {notes.map((note, index) => (
            <li key={index}>
              <SafeText text={note.message} limit={400} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

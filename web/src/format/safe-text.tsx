import { displayText, shortText } from './display-text.js';

interface SafeTextProps {
  text: string;
  /** Cut to this many characters; the whole text stays in the hover title. */
  limit?: number;
  className?: string;
}

/**
 * Attacker-controlled text, isolated from its surroundings (bdi) so right-to-left text cannot
 * reorder the page around it, and cut when long so a 10,000-character name cannot fill it.
 */
export function SafeText({ text, limit, className }: SafeTextProps) {
  const shown = limit === undefined ? displayText(text) : shortText(text, limit);
  const title = shown.length < text.length ? displayText(text).slice(0, 2000) : undefined;
  return (
    <bdi className={className} title={title}>
      {shown}
    </bdi>
  );
}

import { describe, expect, it } from 'vitest';
import { copyLine, escapeCopyField } from './copy-text.js';

describe('COPY text', () => {
  it('escapes the characters that end fields and lines, and nothing else', () => {
    expect(escapeCopyField('a\tb\nc\rd\\e "f" é')).toBe('a\\tb\\nc\\rd\\\\e "f" é');
    expect(copyLine(['\\N', null, ''])).toBe('\\\\N\t\\N\t\n');
  });
});

/**
 * Checks on JSON text that JSON.parse does not make, or does not report safely: how deep it nests,
 * and where the first syntax error is (JSON.parse's own message quotes the text, which may be
 * hostile, so lateral never shows it). Both are loops over the text with an explicit stack, so a
 * file of a million '[' cannot overflow the call stack.
 */

const quote = 0x22;
const backslash = 0x5c;

function isWhitespace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** The index of the quote that closes a string opened at `open`, or -1 when none does. */
function closingQuote(text: string, open: number): number {
  let quoteAt = text.indexOf('"', open + 1);
  while (quoteAt !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quoteAt - 1 - backslashes) === backslash) backslashes += 1;
    if (backslashes % 2 === 0) return quoteAt;
    quoteAt = text.indexOf('"', quoteAt + 1);
  }
  return -1;
}

/**
 * The index of the first bracket that opens a container deeper than `maxDepth`, or -1. Brackets
 * inside strings do not count; strings are skipped with indexOf, which keeps this fast.
 */
export function findExcessNesting(text: string, maxDepth: number): number {
  let depth = 0;
  for (let index = 0; index < text.length; index += 1) {
    const code = text.charCodeAt(index);
    if (code === quote) {
      index = closingQuote(text, index);
      if (index === -1) return -1;
    } else if (code === 0x5b || code === 0x7b) {
      depth += 1;
      if (depth > maxDepth) return index;
    } else if (code === 0x5d || code === 0x7d) {
      depth -= 1;
    }
  }
  return -1;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'comma-or-close';

/** Returns the index just past a string that starts at `start` (a quote), or an error index. */
function scanString(text: string, start: number): { end: number } | { error: number } {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === quote) return { end: index + 1 };
    if (code < 0x20) return { error: index };
    if (code === backslash) {
      const escaped = text[index + 1];
      if (escaped === undefined) return { error: text.length };
      if (escaped === 'u') {
        for (let digit = 2; digit < 6; digit += 1) {
          const hex = text[index + digit];
          if (hex === undefined) return { error: text.length };
          if (!/[0-9a-fA-F]/.test(hex)) return { error: index + digit };
        }
        index += 6;
        continue;
      }
      if (!'"\\/bfnrt'.includes(escaped)) return { error: index + 1 };
      index += 2;
      continue;
    }
    index += 1;
  }
  return { error: text.length };
}

const numberPattern = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const numberTailPattern = /[-+.eE]*$/y;

/** Returns the index just past a number or literal starting at `start`, or an error index. */
function scanScalar(text: string, start: number): { end: number } | { error: number } {
  const remaining = text.length - start;
  for (const literal of ['true', 'false', 'null']) {
    if (text.startsWith(literal, start)) return { end: start + literal.length };
    // A literal cut off by the end of the file ("tru") is truncated, not malformed.
    if (remaining < literal.length && literal.startsWith(text.slice(start))) {
      return { error: text.length };
    }
  }
  numberPattern.lastIndex = start;
  const match = numberPattern.exec(text);
  const end = match === null ? start : start + match[0].length;
  // A number cut off after its sign, point or exponent marker is truncated too.
  numberTailPattern.lastIndex = end;
  const startsNumber = match !== null || text[start] === '-';
  if (startsNumber && end < text.length && numberTailPattern.test(text)) {
    return { error: text.length };
  }
  return match === null ? { error: start } : { end };
}

/**
 * The index of the first character where `text` stops being valid JSON (text.length when it ends
 * too early), or -1 when it is valid.
 */
export function findJsonSyntaxError(text: string): number {
  const stack: number[] = [];
  let expect: Expect = 'value';
  let done = false;
  let index = 0;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      index += 1;
      continue;
    }
    if (done) return index;
    const close = stack[stack.length - 1] === 0x5b ? 0x5d : 0x7d;
    if (expect === 'colon') {
      if (code !== 0x3a) return index;
      expect = 'value';
      index += 1;
      continue;
    }
    if (expect === 'comma-or-close') {
      if (code === 0x2c) {
        expect = close === 0x5d ? 'value' : 'key';
        index += 1;
        continue;
      }
      if (code !== close) return index;
    }
    if (
      (expect === 'value-or-close' || expect === 'key-or-close' || expect === 'comma-or-close') &&
      code === close
    ) {
      stack.pop();
      index += 1;
      expect = 'comma-or-close';
      done = stack.length === 0;
      continue;
    }
    if (expect === 'key' || expect === 'key-or-close') {
      if (code !== quote) return index;
      const scanned = scanString(text, index);
      if ('error' in scanned) return scanned.error;
      index = scanned.end;
      expect = 'colon';
      continue;
    }
    // Expecting a value.
    if (code === 0x5b || code === 0x7b) {
      stack.push(code);
      expect = code === 0x5b ? 'value-or-close' : 'key-or-close';
      index += 1;
      continue;
    }
    const scanned = code === quote ? scanString(text, index) : scanScalar(text, index);
    if ('error' in scanned) return scanned.error;
    index = scanned.end;
    expect = 'comma-or-close';
    done = stack.length === 0;
  }
  return done ? -1 : text.length;
}

/** 1-based line and column of an index in a text, for messages. */
export function lineAndColumn(text: string, index: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  let newline = text.indexOf('\n');
  while (newline !== -1 && newline < index) {
    line += 1;
    lineStart = newline + 1;
    newline = text.indexOf('\n', lineStart);
  }
  return { line, column: index - lineStart + 1 };
}

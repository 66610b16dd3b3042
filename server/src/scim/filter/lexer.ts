/**
 * Splits filter text into tokens. A `word` is an attribute path, an operator or a keyword: which one is
 * decided by the parser from its place in the expression, so an attribute may be called `and` or `pr`.
 */
import type { ScimType } from '../errors';
import { FilterSyntaxError } from './syntax-error';

export type PunctuationKind = '(' | ')' | '[' | ']';

export type Token =
  | { kind: 'word'; text: string; position: number }
  | { kind: 'string'; value: string; position: number }
  | { kind: 'number'; value: number; position: number }
  | { kind: PunctuationKind; position: number }
  | { kind: 'end'; position: number };

type SyntaxScimType = Extract<ScimType, 'invalidFilter' | 'invalidPath'>;

const WHITESPACE = new Set([' ', '\t', '\r', '\n']);
const PUNCTUATION = new Set<string>(['(', ')', '[', ']']);
// Attribute names, URNs (`urn:...:2.0:User:name.givenName`), `$ref`, operators and keywords; `@` and `+`
// only for unquoted values such as `userName eq ann@example.com`, which the parser reads as strings.
const WORD_CHAR = /[A-Za-z0-9_\-.:$@+]/;
const WORD_START = /[A-Za-z_.:$]/;
// JSON number (RFC 8259 §6).
const NUMBER = /-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y;
const SIMPLE_ESCAPES: Record<string, string> = {
  '"': '"',
  '\\': '\\',
  '/': '/',
  b: '\b',
  f: '\f',
  n: '\n',
  r: '\r',
  t: '\t',
};

export const describeCharacter = (char: string): string => {
  const code = char.codePointAt(0) ?? 0;
  return code < 0x20 || code === 0x7f ? `U+${code.toString(16).toUpperCase().padStart(4, '0')}` : `'${char}'`;
};

export function tokenize(text: string, scimType: SyntaxScimType = 'invalidFilter'): Token[] {
  const tokens: Token[] = [];
  const fail = (position: number, message: string): never => {
    throw new FilterSyntaxError(scimType, position, message);
  };
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (WHITESPACE.has(char)) {
      index += 1;
    } else if (PUNCTUATION.has(char)) {
      tokens.push({ kind: char as PunctuationKind, position: index });
      index += 1;
    } else if (char === '"') {
      index = readString(text, index, tokens, fail);
    } else if (char === '-' || (char >= '0' && char <= '9')) {
      index = readNumber(text, index, tokens, fail);
    } else if (WORD_START.test(char)) {
      const start = index;
      while (index < text.length && WORD_CHAR.test(text[index])) index += 1;
      tokens.push({ kind: 'word', text: text.slice(start, index), position: start });
    } else {
      fail(index, `Unexpected character ${describeCharacter(char)}`);
    }
  }
  tokens.push({ kind: 'end', position: text.length });
  return tokens;
}

type Fail = (position: number, message: string) => never;

function readNumber(text: string, start: number, tokens: Token[], fail: Fail): number {
  NUMBER.lastIndex = start;
  const match = NUMBER.exec(text);
  const end = match ? start + match[0].length : start;
  if (!match || (end < text.length && WORD_CHAR.test(text[end]))) {
    // Not a JSON number but a bare word that starts like one, e.g. an unquoted dateTime (2015-10-10T14:38:21Z).
    let wordEnd = start;
    while (wordEnd < text.length && WORD_CHAR.test(text[wordEnd])) wordEnd += 1;
    if (wordEnd === start || text.slice(start, wordEnd) === '-') return fail(start, 'Invalid number');
    tokens.push({ kind: 'word', text: text.slice(start, wordEnd), position: start });
    return wordEnd;
  }
  if (end < text.length && text[end] === '"') {
    return fail(end, `Invalid number: unexpected ${describeCharacter(text[end])}`);
  }
  const value = Number(match[0]);
  if (!Number.isFinite(value)) return fail(start, 'Number out of range');
  tokens.push({ kind: 'number', value, position: start });
  return end;
}

/** A JSON string literal (RFC 8259 §7); returns the index after the closing quote. */
function readString(text: string, start: number, tokens: Token[], fail: Fail): number {
  let value = '';
  let index = start + 1;
  while (index < text.length) {
    const char = text[index];
    if (char === '"') {
      tokens.push({ kind: 'string', value, position: start });
      return index + 1;
    }
    if (char === '\\') {
      const escape = text.at(index + 1);
      if (escape === undefined) break;
      if (escape === 'u') {
        const hex = text.slice(index + 2, index + 6);
        if (!/^[0-9A-Fa-f]{4}$/.test(hex)) fail(index, 'Invalid \\u escape in string');
        value += String.fromCharCode(parseInt(hex, 16));
        index += 6;
      } else if (Object.hasOwn(SIMPLE_ESCAPES, escape)) {
        value += SIMPLE_ESCAPES[escape];
        index += 2;
      } else {
        fail(index, `Invalid escape \\${escape} in string`);
      }
    } else if (char < ' ') {
      fail(index, `Unescaped control character ${describeCharacter(char)} in string`);
    } else {
      value += char;
      index += 1;
    }
  }
  return fail(start, 'Unterminated string');
}

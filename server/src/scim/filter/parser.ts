/**
 * Recursive-descent parser for the RFC 7644 §3.4.2.2 filter grammar, with its errata: `and` binds
 * tighter than `or` (errata 4670), `not` may be followed by a space (7319), and a value filter may hold
 * grouped logic (7322). Keywords and operators are case-insensitive. Chains of `and`/`or` are read in a
 * loop and become left-associative trees, so recursion only happens at `(`, `not (` and `[`, and the
 * nesting limit bounds it.
 */
import type { ScimType } from '../errors';
import { isScimError } from '../errors';
import type { QuirkLog } from '../quirks';
import type { AttributePath, ComparisonOperator, Filter, LiteralValue, ValuePathFilter } from './ast';
import { COMPARISON_OPERATORS, makeAttributePath } from './ast';
import { isAttributeName, readAttributePath } from './attribute-path';
import { tokenize, type Token } from './lexer';
import { FilterSyntaxError } from './syntax-error';

export interface FilterLimits {
  /** Longest accepted text, in UTF-16 code units. */
  maxLength: number;
  /** Deepest nesting of `( )`, `not ( )` and `[ ]`. */
  maxDepth: number;
  /** Most expressions (comparisons, presence tests, and/or/not, value paths) in one filter. */
  maxNodes: number;
}

export const DEFAULT_FILTER_LIMITS: Readonly<FilterLimits> = Object.freeze({
  maxLength: 4096,
  maxDepth: 32,
  maxNodes: 256,
});

type SyntaxScimType = Extract<ScimType, 'invalidFilter' | 'invalidPath'>;

const describeToken = (token: Token): string => {
  switch (token.kind) {
    case 'end':
      return 'end of input';
    case 'word':
      return `"${token.text}"`;
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    default:
      return `'${token.kind}'`;
  }
};

const isKeyword = (token: Token, keyword: string): boolean =>
  token.kind === 'word' && token.text.toLowerCase() === keyword;

const asComparisonOperator = (token: Token): ComparisonOperator | 'pr' | undefined => {
  if (token.kind !== 'word') return undefined;
  const lower = token.text.toLowerCase();
  if (lower === 'pr') return 'pr';
  return (COMPARISON_OPERATORS as readonly string[]).includes(lower) ? (lower as ComparisonOperator) : undefined;
};

/** The parser over one token list; `parsePatchPath` drives it too, with its own scimType. */
export class FilterParser {
  private readonly tokens: Token[];
  private index = 0;
  private depth = 0;
  private nodes = 0;

  constructor(
    text: string,
    private readonly limits: FilterLimits,
    private readonly scimType: SyntaxScimType,
    private readonly log?: QuirkLog,
  ) {
    if (text.length > limits.maxLength) this.fail(limits.maxLength, `Longer than ${limits.maxLength} characters`);
    this.tokens = tokenize(text, scimType);
  }

  get current(): Token {
    return this.tokens[this.index];
  }

  peek(offset = 1): Token {
    return this.tokens[Math.min(this.index + offset, this.tokens.length - 1)];
  }

  advance(): Token {
    const token = this.current;
    if (token.kind !== 'end') this.index += 1;
    return token;
  }

  fail(position: number, message: string): never {
    throw new FilterSyntaxError(this.scimType, position, message);
  }

  expect(kind: Token['kind'], what: string): Token {
    const token = this.current;
    if (token.kind !== kind) this.fail(token.position, `Expected ${what}, found ${describeToken(token)}`);
    return this.advance();
  }

  expectEnd(expected = '"and", "or" or the end of the filter'): void {
    const token = this.current;
    if (token.kind !== 'end') this.fail(token.position, `Expected ${expected}, found ${describeToken(token)}`);
  }

  /** FILTER: or-chains of and-chains of unary expressions. */
  parseFilter(insideValuePath = false): Filter {
    let left = this.parseConjunction(insideValuePath);
    while (isKeyword(this.current, 'or')) {
      this.advance();
      left = this.node({ op: 'or', left, right: this.parseConjunction(insideValuePath) });
    }
    return left;
  }

  private parseConjunction(insideValuePath: boolean): Filter {
    let left = this.parseUnary(insideValuePath);
    while (isKeyword(this.current, 'and')) {
      this.advance();
      left = this.node({ op: 'and', left, right: this.parseUnary(insideValuePath) });
    }
    return left;
  }

  private parseUnary(insideValuePath: boolean): Filter {
    const token = this.current;
    if (token.kind === '(') {
      return this.nested(token, () => {
        this.advance();
        const inner = this.parseFilter(insideValuePath);
        this.expectClosing(')', token);
        return inner;
      });
    }
    if (isKeyword(token, 'not') && this.peek().kind === '(') {
      return this.nested(token, () => {
        this.advance();
        const open = this.advance();
        const inner = this.parseFilter(insideValuePath);
        this.expectClosing(')', open);
        return this.node({ op: 'not', filter: inner });
      });
    }
    if (token.kind !== 'word') {
      return this.fail(token.position, `Expected an attribute name, "not" or '(', found ${describeToken(token)}`);
    }
    if (isKeyword(token, 'not') && this.peek().kind === 'word' && asComparisonOperator(this.peek()) === undefined) {
      return this.fail(this.peek().position, `Expected '(' after "not"`);
    }
    const path = this.parseAttributePath(insideValuePath);
    if (this.current.kind === '[') {
      if (insideValuePath)
        return this.fail(this.current.position, 'A value filter cannot contain another value filter');
      return this.parseValuePathExpression(path);
    }
    return this.parseAttributeExpression(path, token.text);
  }

  parseAttributePath(insideValuePath: boolean): AttributePath {
    const token = this.expect('word', 'an attribute name') as Extract<Token, { kind: 'word' }>;
    const path = readAttributePath(token.text);
    if (typeof path === 'string') return this.fail(token.position, path);
    if (insideValuePath && (path.urn !== undefined || path.subAttribute !== undefined)) {
      return this.fail(token.position, `Inside '[ ]' only sub-attribute names are allowed, found "${token.text}"`);
    }
    return path;
  }

  /** `attr[valFilter]`, with the current token at `[`. */
  parseValuePath(path: AttributePath): ValuePathFilter {
    const open = this.current;
    if (path.subAttribute !== undefined) {
      this.fail(open.position, `'[' must follow an attribute, not the sub-attribute "${path.subAttribute}"`);
    }
    return this.nested(open, () => {
      this.advance();
      const filter = this.parseFilter(true);
      this.expectClosing(']', open);
      return this.node({ op: 'valuePath', path, filter });
    });
  }

  /**
   * `attr[filter]`, or Entra ID's `attr[filter].sub op value`, which reads as `attr[filter and sub op value]`:
   * both conditions hold for the same element.
   */
  private parseValuePathExpression(path: AttributePath): ValuePathFilter {
    const selected = this.parseValuePath(path);
    const subAttribute = this.parseSubAttributeAfterBracket();
    if (subAttribute === undefined) return selected;
    const condition = this.parseAttributeExpression(makeAttributePath(subAttribute), `.${subAttribute}`);
    return { ...selected, filter: this.node({ op: 'and', left: selected.filter, right: condition }) };
  }

  /** The `.sub` right after `attr[filter]`, or undefined when none follows. */
  parseSubAttributeAfterBracket(): string | undefined {
    const token = this.current;
    if (token.kind !== 'word' || !token.text.startsWith('.')) return undefined;
    const subAttribute = token.text.slice(1);
    if (!isAttributeName(subAttribute)) this.fail(token.position, `Invalid sub-attribute name "${subAttribute}"`);
    this.advance();
    return subAttribute;
  }

  private parseAttributeExpression(path: AttributePath, pathText: string): Filter {
    const operatorToken = this.current;
    const op = asComparisonOperator(operatorToken);
    if (op === undefined) {
      if (operatorToken.kind === 'word')
        return this.fail(operatorToken.position, `Unknown operator "${operatorToken.text}"`);
      return this.fail(
        operatorToken.position,
        `Expected an operator after "${pathText}", found ${describeToken(operatorToken)}`,
      );
    }
    this.advance();
    if (op === 'pr') return this.node({ op, path });
    return this.node({ op, path, value: this.parseLiteral(op) });
  }

  private parseLiteral(op: ComparisonOperator): LiteralValue {
    const token = this.advance();
    switch (token.kind) {
      case 'string':
      case 'number':
        return token.value;
      case 'word': {
        const lower = token.text.toLowerCase();
        if (lower === 'true') return true;
        if (lower === 'false') return false;
        if (lower === 'null') return null;
        // RFC 7644 §3.4.2.2 wants strings quoted; a bare word is read as the string.
        this.log?.fire('filter-unquoted-value');
        return token.text;
      }
    }
    return this.fail(
      token.position,
      `Expected a value (string, number, true, false or null) after "${op}", found ${describeToken(token)}`,
    );
  }

  private expectClosing(kind: ')' | ']', open: Token): void {
    const token = this.current;
    if (token.kind !== kind) {
      this.fail(
        token.position,
        `Expected '${kind}' to close the '${open.kind}' at position ${open.position}, found ${describeToken(token)}`,
      );
    }
    this.advance();
  }

  private nested<T>(at: Token, parse: () => T): T {
    this.depth += 1;
    if (this.depth > this.limits.maxDepth) this.fail(at.position, `Nested deeper than ${this.limits.maxDepth} levels`);
    const result = parse();
    this.depth -= 1;
    return result;
  }

  private node<T extends Filter>(node: T): T {
    this.nodes += 1;
    if (this.nodes > this.limits.maxNodes) {
      this.fail(this.tokens[Math.max(this.index - 1, 0)].position, `More than ${this.limits.maxNodes} expressions`);
    }
    return node;
  }
}

/** Runs a parse so that nothing but a ScimError of the given type escapes, whatever the input. */
export function guardParse<T>(scimType: SyntaxScimType, parse: () => T): T {
  try {
    return parse();
  } catch (error) {
    if (isScimError(error)) throw error;
    // A RangeError from recursion or an engine limit: the input was too complex to handle.
    throw new FilterSyntaxError(scimType, 0, 'Too complex to parse');
  }
}

/** Defaults for whatever is not given; an undefined or NaN limit never switches a limit off. */
export const resolveLimits = (limits: Partial<FilterLimits> = {}): FilterLimits => {
  const pick = (key: keyof FilterLimits): number => {
    const value = limits[key];
    return typeof value === 'number' && !Number.isNaN(value) ? value : DEFAULT_FILTER_LIMITS[key];
  };
  return { maxLength: pick('maxLength'), maxDepth: pick('maxDepth'), maxNodes: pick('maxNodes') };
};

/**
 * Parses a SCIM filter. Throws a 400 `invalidFilter` ScimError (a FilterSyntaxError with the 0-based
 * `position`) for anything that is not a filter or exceeds the limits, and never any other exception.
 * An unquoted value fires `filter-unquoted-value` into `log`.
 */
export function parseFilter(text: string, limits?: Partial<FilterLimits>, log?: QuirkLog): Filter {
  return guardParse('invalidFilter', () => {
    if (typeof text !== 'string') throw new FilterSyntaxError('invalidFilter', 0, 'The filter must be a string');
    const parser = new FilterParser(text, resolveLimits(limits), 'invalidFilter', log);
    if (parser.current.kind === 'end') parser.fail(0, 'Empty filter');
    const filter = parser.parseFilter();
    parser.expectEnd();
    return filter;
  });
}

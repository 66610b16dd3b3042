import { isDeepStrictEqual } from 'node:util';

/** Reads a JSON pointer (RFC 6901) out of a value; undefined when a segment is missing. */
export const readPointer = (value: unknown, pointer: string): unknown => {
  if (pointer === '/') return value;
  let current: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object' || !Object.hasOwn(current, segment)) return undefined;
    current = (current as Record<string, unknown>)[segment];
  }
  return current;
};

const containsSubset = (actual: unknown, subset: unknown): boolean => {
  if (subset === null || typeof subset !== 'object' || Array.isArray(subset)) return isDeepStrictEqual(actual, subset);
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  return Object.entries(subset).every(([key, value]) =>
    containsSubset((actual as Record<string, unknown>)[key], value),
  );
};

/** Why `actual` does not satisfy `expected` (see the matchers in fixture.ts), or undefined when it does. */
export const mismatch = (actual: unknown, expected: unknown): string | undefined => {
  const shown = (JSON.stringify(actual) as string | undefined) ?? 'undefined';
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    const matcher = expected as Record<string, unknown>;
    if ('$absent' in matcher) return actual === undefined ? undefined : `expected no value, found ${shown}`;
    if ('$type' in matcher) {
      const type = Array.isArray(actual) ? 'array' : actual === null ? 'null' : typeof actual;
      return type === matcher.$type ? undefined : `expected a ${String(matcher.$type)}, found ${shown}`;
    }
    if ('$length' in matcher) {
      const length = Array.isArray(actual) ? actual.length : undefined;
      return length === matcher.$length ? undefined : `expected ${String(matcher.$length)} elements, found ${shown}`;
    }
    if ('$some' in matcher) {
      return Array.isArray(actual) && actual.some((element) => containsSubset(element, matcher.$some))
        ? undefined
        : `expected an element containing ${JSON.stringify(matcher.$some)}, found ${shown}`;
    }
    if ('$subset' in matcher) {
      return containsSubset(actual, matcher.$subset)
        ? undefined
        : `expected an object containing ${JSON.stringify(matcher.$subset)}, found ${shown}`;
    }
  }
  return isDeepStrictEqual(actual, expected) ? undefined : `expected ${JSON.stringify(expected)}, found ${shown}`;
};

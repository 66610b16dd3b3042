/**
 * `attrPath = [URI ":"] ATTRNAME *1subAttr` (RFC 7644 §3.4.2.2) read from one lexer word, and back.
 * The URN is everything before the last colon: URNs contain dots (`2.0`) but attribute names never
 * contain colons, so `urn:...:enterprise:2.0:User:manager.value` splits unambiguously.
 */
import type { AttributePath } from './ast';
import { makeAttributePath } from './ast';

// ATTRNAME = ALPHA *(nameChar); `$ref` (RFC 7643 §2.3.7) is the one name that starts with `$`.
const ATTRIBUTE_NAME = /^(?:[A-Za-z][A-Za-z0-9_-]*|\$[A-Za-z][A-Za-z0-9_-]*)$/;
const URN_SEGMENT = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

export const isAttributeName = (name: string): boolean => ATTRIBUTE_NAME.test(name);

/** Returns the path, or a message saying what is wrong with the word. */
export function readAttributePath(word: string): AttributePath | string {
  const lastColon = word.lastIndexOf(':');
  const urn = lastColon === -1 ? undefined : word.slice(0, lastColon);
  const names = word.slice(lastColon + 1);
  if (urn !== undefined && !isValidUrn(urn)) return `Invalid schema URN "${urn}"`;
  const [attribute, subAttribute, ...rest] = names.split('.') as [string, string?, ...string[]];
  if (rest.length > 0) return `Invalid attribute path "${word}": only one level of sub-attribute exists`;
  if (!isAttributeName(attribute)) return `Invalid attribute name "${attribute}" in "${word}"`;
  if (subAttribute !== undefined && !isAttributeName(subAttribute)) {
    return `Invalid sub-attribute name "${subAttribute}" in "${word}"`;
  }
  return makeAttributePath(attribute, subAttribute, urn);
}

const isValidUrn = (urn: string): boolean => {
  const segments = urn.split(':');
  return segments.length >= 2 && /^[A-Za-z]/.test(urn) && segments.every((segment) => URN_SEGMENT.test(segment));
};

export const printAttributePath = (path: AttributePath): string => {
  const names = path.subAttribute === undefined ? path.attribute : `${path.attribute}.${path.subAttribute}`;
  return path.urn === undefined ? names : `${path.urn}:${names}`;
};

/** A lower-cased `urn:attr.sub` key for case-insensitive lookups. */
export const attributePathKey = (path: AttributePath): string => printAttributePath(path).toLowerCase();

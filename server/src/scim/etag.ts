/**
 * Weak ETags over `meta.version` (RFC 7644 §3.14) and the If-Match / If-None-Match checks.
 * Both checks use the weak comparison of RFC 9110 §8.8.3.2: SCIM versions are weak validators, and a
 * strong comparison would make every If-Match fail.
 */

/** `W/"<version>"`; a version already written as an ETag is kept as one. */
export const etagFromVersion = (version: string | number): string => {
  const text = String(version).trim();
  if (/^(W\/)?".*"$/.test(text)) return text.startsWith('W/') ? text : `W/${text}`;
  return `W/"${text.replace(/"/g, '')}"`;
};

const opaqueTag = (etag: string): string => etag.trim().replace(/^W\//, '');

/** The entity tags of an If-Match / If-None-Match header, or '*' for the wildcard. */
export const parseETagHeader = (header: string): string[] | '*' => {
  if (header.trim() === '*') return '*';
  return (header.match(/(W\/)?"[^"]*"/g) ?? []).map(opaqueTag);
};

const headerMatches = (header: string, version: string | number): boolean => {
  const tags = parseETagHeader(header);
  return tags === '*' || tags.includes(opaqueTag(etagFromVersion(version)));
};

/** True when the write may proceed: no If-Match, `*`, or a tag matching the current version. Otherwise answer 412. */
export const ifMatchAllows = (header: string | undefined, currentVersion: string | number): boolean =>
  header === undefined || header.trim() === '' || headerMatches(header, currentVersion);

/** True when If-None-Match names the current version (or `*`): answer 304 to a GET, 412 to a write. */
export const ifNoneMatchMatches = (header: string | undefined, currentVersion: string | number): boolean =>
  header !== undefined && header.trim() !== '' && headerMatches(header, currentVersion);

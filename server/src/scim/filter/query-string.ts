/**
 * Reading `filter` from a raw query string.
 *
 * Where to apply it: the list endpoints (`GET /Users`, `GET /Groups`) pass Koa's raw `ctx.querystring`
 * to `readFilterParameter`. Koa's `ctx.query.filter` must not be used for the filter: it has already
 * turned every `+` into a space, so `userName eq "a+b@example.com"` sent by an RFC 3986 encoder
 * (`%20` for spaces, `+` left as is) would arrive as `"a b@example.com"`. A filter from a JSON body
 * (`POST /.search`) is not URL-encoded at all and goes to `parseFilter` unchanged.
 *
 * The rule for `+`: every filter contains at least one space (`attr SP op`), so the raw text shows how
 * the client encodes spaces. If it contains `%20` (or a bare space), spaces were percent-encoded and a
 * `+` is a literal plus. Otherwise `+` is a form-encoded space (application/x-www-form-urlencoded,
 * which encodes a real plus as `%2B`).
 */
import { invalidFilter } from './syntax-error';

/** Decodes one raw query-string value by the rule above; bad percent-encoding is a 400 invalidFilter. */
export function decodeFilterQueryValue(raw: string): string {
  const spacesArePercentEncoded = /%20| /i.test(raw);
  const text = spacesArePercentEncoded ? raw : raw.replace(/\+/g, ' ');
  try {
    return decodeURIComponent(text);
  } catch {
    throw invalidFilter('The filter parameter is not valid percent-encoding');
  }
}

/**
 * The decoded `filter` parameter of a raw query string (`ctx.querystring`, with or without the
 * leading `?`), or `undefined` when there is none. The name matches case-insensitively; a second
 * `filter` parameter is a 400 invalidFilter rather than a guess.
 */
export function readFilterParameter(rawQueryString: string): string | undefined {
  const query = rawQueryString.startsWith('?') ? rawQueryString.slice(1) : rawQueryString;
  let found: string | undefined;
  for (const pair of query.split('&')) {
    const separator = pair.indexOf('=');
    const rawName = separator === -1 ? pair : pair.slice(0, separator);
    if (decodeName(rawName) !== 'filter') continue;
    if (found !== undefined) throw invalidFilter('More than one filter parameter');
    found = decodeFilterQueryValue(separator === -1 ? '' : pair.slice(separator + 1));
  }
  return found;
}

const decodeName = (rawName: string): string => {
  try {
    return decodeURIComponent(rawName.replace(/\+/g, ' ')).toLowerCase();
  } catch {
    return rawName.toLowerCase();
  }
};

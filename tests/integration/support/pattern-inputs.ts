/**
 * The audit of every regular expression in server/src: what it reads, how long that text can be when it
 * runs, and, for the ones that read client data, the request that feeds it its worst input. The unit test
 * tests/unit/server/regex-safety.test.ts checks that every pattern the TypeScript compiler finds in
 * server/src is listed here (a new pattern needs an entry); hostile-input.test.ts sends every request.
 * Patterns are keyed by file and source, not line, so that edits elsewhere in a file do not break the key.
 *
 * Header and request-line bounds: Node refuses a request whose header section passes 16 KiB
 * (`--max-http-header-size`, 431), so a header value or a path holds at most ~16,000 characters.
 * A body holds at most 1 MiB (413 before parsing).
 */
import type { RawRequest } from './raw-http';

export interface PatternContext {
  endpointPath: string;
  userId: string;
  groupId: string;
  /** A userName not used before, `<prefix>-<n>@example.com`. */
  nextName(prefix: string): string;
}

export interface PatternCase {
  label: string;
  request(context: PatternContext): RawRequest;
  /** The answer expected: a SCIM error for refused input, or the route's ordinary answer. */
  status: number;
}

export interface PatternUse {
  /** `server/src/...` */
  file: string;
  /** `/source/flags`, as written in the file */
  pattern: string;
  /** What the pattern reads; `null` when no client text reaches it. */
  clientInput: string | null;
  /** The longest text it can be given, and what enforces that (for server-side text: where it comes from). */
  bound: string;
  cases: PatternCase[];
}

const USER_URN = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';
const SEARCH_URN = 'urn:ietf:params:scim:api:messages:2.0:SearchRequest';
const scimJson = { 'content-type': 'application/scim+json' };
/** Leaves room for the other headers under Node's 16 KiB header limit. */
const HEADER_TEXT = 12_000;
/** Near the 1 MiB body limit, as JSON text. */
const BODY_TEXT = 1_000_000;

/** The input that held the event loop 2.5 s at this length with /^[^\s@]+@[^\s@]+\.[^\s@]+$/. */
export const DOTS_ADDRESS = (length: number) => `a@${'.'.repeat(length)} x`;

const createUser = (context: PatternContext, extra: Record<string, unknown>): RawRequest => ({
  method: 'POST',
  path: `${context.endpointPath}/Users`,
  headers: scimJson,
  body: JSON.stringify({ schemas: [USER_URN], userName: context.nextName('pattern'), ...extra }),
});

const patchUser = (context: PatternContext, headers: Record<string, string>, path = 'title'): RawRequest => ({
  method: 'PATCH',
  path: `${context.endpointPath}/Users/${context.userId}`,
  headers: { ...scimJson, ...headers },
  body: JSON.stringify({ schemas: [PATCH_OP], Operations: [{ op: 'replace', path, value: 'x' }] }),
});

const listUsers = (context: PatternContext, query: string, headers: Record<string, string> = {}): RawRequest => ({
  method: 'GET',
  path: `${context.endpointPath}/Users?${query}`,
  headers,
});

const search = (context: PatternContext, body: Record<string, unknown>): RawRequest => ({
  method: 'POST',
  path: `${context.endpointPath}/Users/.search`,
  headers: scimJson,
  body: JSON.stringify({ schemas: [SEARCH_URN], ...body }),
});

const filter = (context: PatternContext, text: string) => listUsers(context, `filter=${encodeURIComponent(text)}`);

const serviceProviderConfig = (context: PatternContext, headers: Record<string, string>): RawRequest => ({
  method: 'GET',
  path: `${context.endpointPath}/ServiceProviderConfig`,
  headers,
});

export const PATTERN_USES: PatternUse[] = [
  {
    file: 'server/src/services/store/email-address.ts',
    pattern: '/\\s/',
    clientInput: 'userName and emails[].value (is it an email address?)',
    bound: 'at most 255 characters: pickEmail refuses longer text (400) before it is checked',
    cases: [
      {
        label: 'a userName of "a@", 40,000 dots and " x" (2.5 s of backtracking before the fix)',
        request: (context) => createUser(context, { userName: DOTS_ADDRESS(40_000) }),
        status: 400,
      },
      {
        label: 'a userName of "a@", 1 MiB of dots and " x"',
        request: (context) => createUser(context, { userName: DOTS_ADDRESS(BODY_TEXT) }),
        status: 400,
      },
      {
        label: 'an emails[].value of "a@", 40,000 dots and " x"',
        request: (context) => createUser(context, { emails: [{ value: DOTS_ADDRESS(40_000), primary: true }] }),
        status: 400,
      },
      {
        label: 'a userName of "a@", 200 dots and " x": within the bound, checked, not an address',
        request: (context) => createUser(context, { userName: `${DOTS_ADDRESS(200)}${context.nextName('')}` }),
        status: 201,
      },
    ],
  },
  {
    file: 'server/src/scim/value-filter-brackets.ts',
    pattern: '(none: replaced /\\[[^\\]]*\\]/g of projection.ts, quadratic on many "[")',
    clientInput: 'attributes / excludedAttributes',
    bound: 'query: the 16 KiB request line; .search body: 4,096 characters (search-request.ts, 400); a linear scan',
    cases: [
      {
        label: 'attributes of 12,000 "[" in the query',
        request: (context) => listUsers(context, `attributes=${'%5B'.repeat(HEADER_TEXT / 3)}`),
        status: 200,
      },
      {
        label: 'attributes of 1 MiB of "[" in a .search body',
        request: (context) => search(context, { attributes: '['.repeat(BODY_TEXT) }),
        status: 400,
      },
      {
        label: 'excludedAttributes of 4,000 "[" in a .search body (within the bound)',
        request: (context) => search(context, { excludedAttributes: '['.repeat(4000) }),
        status: 200,
      },
    ],
  },
  {
    file: 'server/src/scim/trailing-slashes.ts',
    pattern: '(none: replaced /\\/+$/ of discovery.ts and endpoint-url.ts, quadratic on many "/")',
    clientInput: 'the request origin (Host, or X-Forwarded-Host behind a trusted proxy) in the endpoint URL',
    bound: 'the 16 KiB header section; a linear scan',
    cases: [
      {
        label: 'X-Forwarded-Host of 12,000 slashes then "x"',
        request: (context) => serviceProviderConfig(context, { 'x-forwarded-host': `h${'/'.repeat(HEADER_TEXT)}x` }),
        status: 200,
      },
    ],
  },
  {
    file: 'server/src/http/client-address.ts',
    pattern: '/^::ffff:(\\d{1,3}(?:\\.\\d{1,3}){3})$/',
    clientInput: 'the client address: the socket peer, or X-Forwarded-For behind a trusted proxy',
    bound: 'the 16 KiB header section',
    cases: [
      {
        label: 'X-Forwarded-For of "::ffff:" and 6,000 "1." with a wrong secret',
        request: (context) => ({
          ...serviceProviderConfig(context, { 'x-forwarded-for': `::ffff:${'1.'.repeat(HEADER_TEXT / 2)}x` }),
          headers: { authorization: 'Bearer scim_wrong', 'x-forwarded-for': `::ffff:${'1.'.repeat(HEADER_TEXT / 2)}x` },
        }),
        status: 401,
      },
    ],
  },
  {
    file: 'server/src/http/client-address.ts',
    pattern: '/^0+(?=.)/',
    clientInput: 'the groups of a client address that node:net accepts as IPv6',
    bound: 'four hex digits a group (only valid IPv6 addresses reach it)',
    cases: [
      {
        label: 'X-Forwarded-For of 12,000 zeros with a wrong secret',
        request: (context) => ({
          ...serviceProviderConfig(context, {}),
          headers: { authorization: 'Bearer scim_wrong', 'x-forwarded-for': '0'.repeat(HEADER_TEXT) },
        }),
        status: 401,
      },
    ],
  },
  {
    file: 'server/src/http/patch-response.ts',
    pattern: '/^Okta SCIM Client\\b/i',
    clientInput: 'User-Agent of a PATCH',
    bound: 'the 16 KiB header section',
    cases: [
      {
        label: 'User-Agent of "Okta SCIM Client" and 12,000 letters on a PATCH',
        request: (context) => patchUser(context, { 'user-agent': `Okta SCIM Client${'x'.repeat(HEADER_TEXT)}` }),
        status: 204,
      },
    ],
  },
  {
    file: 'server/src/http/patch-response.ts',
    pattern: '/\\breturn=representation\\b/i',
    clientInput: 'Prefer of a PATCH',
    bound: 'the 16 KiB header section',
    cases: [
      {
        label: 'Prefer of 1,000 "return=representatio" on a PATCH',
        request: (context) => patchUser(context, { prefer: 'return=representatio '.repeat(HEADER_TEXT / 21) }),
        status: 204,
      },
    ],
  },
  {
    file: 'server/src/http/presented-secret.ts',
    pattern: '/^bearer\\s+(\\S+)$/i',
    clientInput: 'Authorization',
    bound: 'the 16 KiB header section',
    cases: [
      {
        label: 'Authorization of "Bearer", 12,000 spaces and "x y"',
        request: (context) => serviceProviderConfig(context, { authorization: `Bearer${' '.repeat(HEADER_TEXT)}x y` }),
        status: 401,
      },
    ],
  },
  {
    file: 'server/src/http/presented-secret.ts',
    pattern: '/\\s/',
    clientInput: 'Authorization without a scheme (Okta "HTTP Header" mode)',
    bound: 'the 16 KiB header section',
    cases: [
      {
        label: 'Authorization of 12,000 letters and a space',
        request: (context) => serviceProviderConfig(context, { authorization: `${'x'.repeat(HEADER_TEXT)} ` }),
        status: 401,
      },
    ],
  },
  ...['/\\/Groups(\\/|$)/', '/\\/Users(\\/|$)/'].map((pattern): PatternUse => ({
    file: 'server/src/middlewares/scim-route-guard.ts',
    pattern,
    clientInput: 'the request path (resource type of an activity entry)',
    bound: 'the 16 KiB request line',
    cases: [
      {
        label: `a path of 1,500 "/${pattern.includes('Groups') ? 'Groups' : 'Users'}x" segments`,
        request: (context) => ({
          method: 'GET',
          path: `${context.endpointPath}${`/${pattern.includes('Groups') ? 'Groups' : 'Users'}x`.repeat(1500)}`,
        }),
        status: 404,
      },
    ],
  })),
  {
    file: 'server/src/scim/etag.ts',
    pattern: '/(W\\/)?"[^"]*"/g',
    clientInput: 'If-Match / If-None-Match',
    bound: 'the 16 KiB header section',
    cases: [
      {
        label: 'If-Match of W/" and 12,000 letters, unterminated',
        request: (context) => patchUser(context, { 'if-match': `W/"${'a'.repeat(HEADER_TEXT)}` }),
        status: 412,
      },
      {
        label: 'If-None-Match of 6,000 "W/"',
        request: (context) => ({
          method: 'GET',
          path: `${context.endpointPath}/Users/${context.userId}`,
          headers: { 'if-none-match': 'W/'.repeat(HEADER_TEXT / 2) },
        }),
        status: 200,
      },
    ],
  },
  {
    file: 'server/src/scim/etag.ts',
    pattern: '/^W\\//',
    clientInput: 'each entity tag of If-Match / If-None-Match',
    bound: 'the 16 KiB header section',
    cases: [
      {
        label: 'If-Match of "W/" and 6,000 quoted tags',
        request: (context) => patchUser(context, { 'if-match': `W/${'"a",'.repeat(HEADER_TEXT / 4)}` }),
        status: 412,
      },
    ],
  },
  {
    file: 'server/src/scim/etag.ts',
    pattern: '/^(W\\/)?".*"$/',
    clientInput: null,
    bound: 'a stored meta.version (an integer written by the plugin)',
    cases: [],
  },
  {
    file: 'server/src/scim/etag.ts',
    pattern: '/"/g',
    clientInput: null,
    bound: 'a stored meta.version (an integer written by the plugin)',
    cases: [],
  },
  ...['/^(?:[A-Za-z][A-Za-z0-9_-]*|\\$[A-Za-z][A-Za-z0-9_-]*)$/', '/^[A-Za-z0-9][A-Za-z0-9_.-]*$/', '/^[A-Za-z]/'].map(
    (pattern): PatternUse => ({
      file: 'server/src/scim/filter/attribute-path.ts',
      pattern,
      clientInput: 'attribute paths: in filters, PATCH paths, sortBy, attributes',
      bound:
        'filters and PATCH paths 4,096 characters (filter parser, 400); sortBy in a .search body 4,096 (400); in the query the 16 KiB request line',
      cases: [
        {
          label: `a filter on a 5,000-character attribute name (${pattern})`,
          request: (context) => filter(context, `${'a'.repeat(5000)}! eq "x"`),
          status: 400,
        },
        {
          label: `a PATCH path of a URN with 2,000 "a." segments (${pattern})`,
          request: (context) => patchUser(context, {}, `urn:${'a.'.repeat(2000)}!:x`),
          status: 400,
        },
        {
          label: `a sortBy of 12,000 letters and "!" (${pattern})`,
          request: (context) => listUsers(context, `sortBy=${'a'.repeat(HEADER_TEXT)}!`),
          status: 400,
        },
      ],
    }),
  ),
  {
    file: 'server/src/scim/filter/compile.ts',
    pattern: '/[%_\\\\]/',
    clientInput: 'filter comparison values (LIKE escaping)',
    bound: 'the filter: 4,096 characters',
    cases: [
      {
        label: 'a co filter on 4,000 "%"',
        request: (context) => filter(context, `userName co "${'%'.repeat(4000)}"`),
        status: 200,
      },
    ],
  },
  ...['/[A-Za-z0-9_\\-.:$@+]/', '/[A-Za-z_.:$]/', '/-?(?:0|[1-9][0-9]*)(?:\\.[0-9]+)?(?:[eE][+-]?[0-9]+)?/y'].map(
    (pattern): PatternUse => ({
      file: 'server/src/scim/filter/lexer.ts',
      pattern,
      clientInput: 'filter and PATCH path text, character by character',
      bound: 'the filter: 4,096 characters (checked before lexing, 400)',
      cases: [
        {
          label: `a filter of 4,000 digits and "e" (${pattern})`,
          // Read as the unquoted string "111….e" (a tolerated dialect); title is filterable, so it is answered.
          request: (context) => filter(context, `title eq ${'1'.repeat(4000)}.e`),
          status: 200,
        },
        {
          label: `a filter of 100,000 digits in a .search body (${pattern})`,
          request: (context) => search(context, { filter: `title eq ${'1'.repeat(100_000)}` }),
          status: 400,
        },
      ],
    }),
  ),
  {
    file: 'server/src/scim/filter/lexer.ts',
    pattern: '/^[0-9A-Fa-f]{4}$/',
    clientInput: 'the four characters after \\u in a filter string',
    bound: 'four characters (sliced before the test)',
    cases: [
      {
        label: 'a filter of 1,000 bad \\u escapes',
        request: (context) => filter(context, `userName eq "${'\\uzzzz'.repeat(600)}"`),
        status: 400,
      },
    ],
  },
  {
    file: 'server/src/scim/filter/operand.ts',
    pattern: '/^(\\d{4})-(\\d{2})-(\\d{2})T(\\d{2}):(\\d{2}):(\\d{2})(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})?$/',
    clientInput: 'dateTime values in filters',
    bound: 'the filter: 4,096 characters',
    cases: [
      {
        label: 'a meta.created filter on a date with 4,000 fraction digits and no zone end',
        request: (context) => filter(context, `meta.created gt "2011-05-13T04:42:34.${'1'.repeat(4000)}+"`),
        status: 400,
      },
    ],
  },
  {
    file: 'server/src/scim/filter/query-string.ts',
    pattern: '/%20| /i',
    clientInput: 'the raw filter query value',
    bound: 'the 16 KiB request line',
    cases: [
      {
        label: 'a filter query value of 4,000 "%2"',
        request: (context) => listUsers(context, `filter=${'%2'.repeat(4000)}`),
        status: 400,
      },
    ],
  },
  ...['filter value', 'parameter name'].map((what): PatternUse => ({
    file: 'server/src/scim/filter/query-string.ts',
    pattern: '/\\+/g',
    clientInput: `the raw filter query ${what}`,
    bound: 'the 16 KiB request line',
    cases: [
      {
        label: `a query ${what} of 12,000 "+"`,
        request: (context) =>
          listUsers(
            context,
            what === 'filter value' ? `filter=${'+'.repeat(HEADER_TEXT)}` : `${'+'.repeat(HEADER_TEXT)}=1`,
          ),
        status: what === 'filter value' ? 400 : 200,
      },
    ],
  })),
  {
    file: 'server/src/scim/list.ts',
    pattern: '/^[+-]?\\d+$/',
    clientInput: 'startIndex and count (query or .search body)',
    bound: '32 characters (list.ts refuses longer text with 400 before the test)',
    cases: [
      {
        label: 'a .search startIndex of 1 MiB of digits and "x"',
        request: (context) => search(context, { startIndex: `${'1'.repeat(BODY_TEXT)}x` }),
        status: 400,
      },
      {
        label: 'a count of 12,000 "+" in the query',
        request: (context) => listUsers(context, `count=${'%2B'.repeat(HEADER_TEXT / 3)}`),
        status: 400,
      },
    ],
  },
  {
    file: 'server/src/scim/resource/normalize.ts',
    pattern: '/^(true|false)$/i',
    clientInput: 'string values of boolean attributes (Entra ID sends "True")',
    bound: 'the 1 MiB body',
    cases: [
      {
        label: 'active of 1 MiB of "true"',
        request: (context) => createUser(context, { active: 'true'.repeat(BODY_TEXT / 4) }),
        status: 400,
      },
    ],
  },
  {
    file: 'server/src/scim/resource/zod-schema.ts',
    pattern: '/^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?(Z|[+-]\\d{2}:\\d{2})?$/',
    clientInput: 'dateTime attribute values in a body',
    bound: 'the 1 MiB body',
    cases: [
      {
        label: 'a meta.created of a date with 1 MiB of fraction digits',
        request: (context) =>
          createUser(context, { meta: { created: `2011-05-13T04:42:34.${'1'.repeat(BODY_TEXT)}+` } }),
        status: 201,
      },
    ],
  },
  {
    file: 'server/src/scim/resource/zod-schema.ts',
    pattern: '/^[A-Za-z0-9+/=\\s_-]*$/',
    clientInput: 'binary attribute values (x509Certificates)',
    bound: 'the 1 MiB body',
    cases: [
      {
        label: 'an x509Certificates value of 1 MiB of base64 and "!"',
        request: (context) => createUser(context, { x509Certificates: [{ value: `${'A'.repeat(BODY_TEXT)}!` }] }),
        status: 400,
      },
    ],
  },
  {
    file: 'server/src/services/store/storable-text.ts',
    pattern: '/\\u0000|\\p{Cs}/u',
    clientInput: 'every stored string and every id a lookup uses',
    bound: 'the 1 MiB body; ids the 16 KiB request line',
    cases: [
      {
        label: 'a title of 1 MiB ending in NUL',
        request: (context) => createUser(context, { title: `${'t'.repeat(BODY_TEXT)}\u0000` }),
        status: 400,
      },
    ],
  },
  {
    file: 'server/src/services/store/storable-text.ts',
    pattern: '/\\u0000/g',
    clientInput: 'the resource id of an activity entry, cut to its column',
    bound: 'the 16 KiB request line',
    cases: [
      {
        label: 'a Users id of 4,000 NULs',
        request: (context) => ({ method: 'GET', path: `${context.endpointPath}/Users/${'%00'.repeat(4000)}` }),
        status: 404,
      },
    ],
  },
  {
    file: 'server/src/services/activity.ts',
    pattern: '/\\u0000/g',
    clientInput: 'the detail of an activity entry, which may quote client text',
    bound: 'the 16 KiB request line (the 404 detail quotes the id)',
    cases: [
      {
        label: 'a Groups id of 4,000 NULs',
        request: (context) => ({ method: 'GET', path: `${context.endpointPath}/Groups/${'%00'.repeat(4000)}` }),
        status: 404,
      },
    ],
  },
  {
    file: 'server/src/services/store/json-filter-sql.ts',
    pattern: '/^[A-Za-z0-9:._$-]+$/',
    clientInput: null,
    bound: "attribute names and URNs of the plugin's own schema definitions",
    cases: [],
  },
  {
    file: 'server/src/controllers/search.ts',
    pattern: '/not filterable/i',
    clientInput: null,
    bound: "the plugin's own error message",
    cases: [],
  },
  {
    file: 'server/src/http/endpoint-url.ts',
    pattern: '/^https?:\\/\\//i',
    clientInput: null,
    bound: 'server.url from the app configuration',
    cases: [],
  },
];

/**
 * Run: node -r ./scripts/register-ts.js bench/libraries/compare-filter.ts   (about 1 minute)
 *
 * Measures scim2-parse-filter (and scimmy's Types.Filter, which a full-framework choice would bring)
 * against our `server/src/scim/filter`: correctness on the RFC 7644 §3.4.2.2 examples and the
 * identity-provider lookups, value paths, `not`, precedence, URN names, literals, `+`-for-space, error
 * positions and random garbage; then parse speed over 100,000 filters. Prints Markdown and writes
 * bench/results/<date>-compare-filter.{md,json}.
 */
import fs from 'node:fs';
import path from 'node:path';
import querystring from 'node:querystring';
import * as scim2 from 'scim2-parse-filter';
import { Types as ScimmyTypes } from 'scimmy';
import {
  compileFilter,
  FilterSyntaxError,
  matches,
  parseFilter,
  printAttributePath,
  readFilterParameter,
  type AttributeResolver,
  type Filter,
} from '../../server/src/scim/filter';
import { isScimError } from '../../server/src/scim/errors';
import { describeMachine, machine, measure, measurementTable, today } from '../support/measure';
import {
  CORE_USER,
  ENTERPRISE_USER,
  filterMix,
  groupColumns,
  resolveGroup,
  resolveUser,
  tourGuides,
  userColumns,
  USERS,
} from '../support/scim-fixtures';

type Resources = Record<string, Record<string, unknown>>;

// ---------------------------------------------------------------------------------------------------
// The three parsers behind one interface
// ---------------------------------------------------------------------------------------------------

interface FilterLibrary {
  name: string;
  parse(text: string): unknown;
  /** The tree in a canonical s-expression, or undefined when the library's tree cannot be compared. */
  canonical?(tree: unknown): string;
  /** Names of the resources the filter selects, using the library's own evaluator. */
  select(text: string, resources: Resources, resolve: AttributeResolver): string[];
}

const sexp = (op: string, ...parts: string[]) => `(${[op, ...parts].join(' ')})`;

/** n-ary and/or, lower-cased paths, JSON literals: two trees that mean the same print the same. */
function canonicalOurs(filter: Filter): string {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const operands: Filter[] = [];
      const collect = (node: Filter): void => {
        if (node.op === filter.op) {
          collect(node.left);
          collect(node.right);
        } else operands.push(node);
      };
      collect(filter);
      return sexp(filter.op, ...operands.map(canonicalOurs));
    }
    case 'not':
      return sexp('not', canonicalOurs(filter.filter));
    case 'valuePath':
      return sexp('vp', printAttributePath(filter.path).toLowerCase(), canonicalOurs(filter.filter));
    case 'pr':
      return sexp('pr', printAttributePath(filter.path).toLowerCase());
    default:
      return sexp(filter.op, printAttributePath(filter.path).toLowerCase(), JSON.stringify(filter.value));
  }
}

function canonicalScim2(filter: scim2.Filter): string {
  switch (filter.op) {
    case 'and':
    case 'or': {
      const operands: scim2.Filter[] = [];
      const collect = (node: scim2.Filter): void => {
        if (node.op === filter.op) node.filters.forEach(collect);
        else operands.push(node);
      };
      collect(filter);
      return sexp(filter.op, ...operands.map(canonicalScim2));
    }
    case 'not':
      return sexp('not', canonicalScim2(filter.filter));
    case '[]':
      return sexp('vp', filter.attrPath.toLowerCase(), canonicalScim2(filter.valFilter));
    case 'pr':
      return sexp('pr', filter.attrPath.toLowerCase());
    default:
      return sexp(filter.op, filter.attrPath.toLowerCase(), JSON.stringify(filter.compValue));
  }
}

const ours: FilterLibrary = {
  name: 'ours',
  parse: (text) => parseFilter(text),
  canonical: (tree) => canonicalOurs(tree as Filter),
  select: (text, resources, resolve) => {
    const filter = parseFilter(text);
    return Object.keys(resources).filter((name) => matches(filter, resources[name], resolve));
  },
};

const scim2ParseFilter: FilterLibrary = {
  name: 'scim2-parse-filter 0.2.10',
  parse: (text) => scim2.parse(text),
  canonical: (tree) => canonicalScim2(tree as scim2.Filter),
  select: (text, resources) => {
    const test = scim2.filter(scim2.parse(text));
    return Object.keys(resources).filter((name) => test(resources[name]));
  },
};

const scimmy: FilterLibrary = {
  name: 'scimmy 1.3.5 (Types.Filter)',
  parse: (text) => new ScimmyTypes.Filter(text),
  // scimmy's tree is a list of AND-objects keyed by attribute; see "AST fitness" below for why it
  // cannot be compared (or compiled) node for node.
  select: (text, resources) => {
    const names = Object.keys(resources);
    const matched = new ScimmyTypes.Filter(text).match(names.map((name) => resources[name]));
    return names.filter((name) => matched.includes(resources[name]));
  },
};

const LIBRARIES = [ours, scim2ParseFilter, scimmy];

// ---------------------------------------------------------------------------------------------------
// Correctness cases
// ---------------------------------------------------------------------------------------------------

interface Case {
  category: string;
  text: string;
  /** Canonical tree the text must parse to (hand-written from the RFC grammar), or 'reject'. */
  tree?: string;
  /** Resource names the filter selects under RFC 7643/7644 semantics. */
  selects?: string[];
  resources?: Resources;
  resolve?: AttributeResolver;
  /** A raw query string (`filter=...`): each library gets what Koa's ctx.query would give it. */
  query?: string;
  note?: string;
}

const EMAILS_CO = '(or (co emails "example.com") (co emails.value "example.org"))';
const groups: Resources = {
  tourGuides,
  admins: { schemas: ['urn:ietf:params:scim:schemas:core:2.0:Group'], id: 'a1', displayName: 'Admins', members: [] },
};
const extraUsers: Resources = {
  ...USERS,
  plus: { schemas: [CORE_USER], id: 'p1', userName: 'test_user+tag@contoso.com' },
  spaced: { schemas: [CORE_USER], id: 'p2', userName: 'test_user tag@contoso.com' },
  rene: { schemas: [CORE_USER], id: 'r1', userName: 'rene', displayName: 'René' },
  backslash: { schemas: [CORE_USER], id: 'b1', userName: 'domain\\bob', displayName: 'a\\b' },
};

const CASES: Case[] = [
  // RFC 7644 §3.4.2.2, the 17 example filters, in order.
  ...(
    [
      ['userName eq "bjensen"', '(eq username "bjensen")', ['bjensen']],
      [`name.familyName co "O'Malley"`, `(co name.familyname "O'Malley")`, ['bjensen']],
      ['userName sw "J"', '(sw username "J")', ['jsmith']],
      [`${CORE_USER}:userName sw "J"`, `(sw ${CORE_USER.toLowerCase()}:username "J")`, ['jsmith']],
      ['title pr', '(pr title)', ['bjensen']],
      ['meta.lastModified gt "2011-05-13T04:42:34Z"', '(gt meta.lastmodified "2011-05-13T04:42:34Z")', ['jsmith']],
      [
        'meta.lastModified ge "2011-05-13T04:42:34Z"',
        '(ge meta.lastmodified "2011-05-13T04:42:34Z")',
        ['bjensen', 'jsmith'],
      ],
      ['meta.lastModified lt "2011-05-13T04:42:34Z"', '(lt meta.lastmodified "2011-05-13T04:42:34Z")', ['bare']],
      [
        'meta.lastModified le "2011-05-13T04:42:34Z"',
        '(le meta.lastmodified "2011-05-13T04:42:34Z")',
        ['bjensen', 'bare'],
      ],
      ['title pr and userType eq "Employee"', '(and (pr title) (eq usertype "Employee"))', ['bjensen']],
      ['title pr or userType eq "Intern"', '(or (pr title) (eq usertype "Intern"))', ['bjensen', 'jsmith']],
      [`schemas eq "${ENTERPRISE_USER}"`, `(eq schemas "${ENTERPRISE_USER}")`, ['bjensen']],
      [
        'userType eq "Employee" and (emails co "example.com" or emails.value co "example.org")',
        `(and (eq usertype "Employee") ${EMAILS_CO})`,
        ['bjensen'],
      ],
      [
        'userType ne "Employee" and not (emails co "example.com" or emails.value co "example.org")',
        `(and (ne usertype "Employee") (not ${EMAILS_CO}))`,
        ['jsmith'],
      ],
      [
        'userType eq "Employee" and (emails.type eq "work")',
        '(and (eq usertype "Employee") (eq emails.type "work"))',
        ['bjensen'],
      ],
      [
        'userType eq "Employee" and emails[type eq "work" and value co "@example.com"]',
        '(and (eq usertype "Employee") (vp emails (and (eq type "work") (co value "@example.com"))))',
        ['bjensen'],
      ],
      [
        'emails[type eq "work" and value co "@example.com"] or ims[type eq "xmpp" and value co "@foo.com"]',
        '(or (vp emails (and (eq type "work") (co value "@example.com"))) (vp ims (and (eq type "xmpp") (co value "@foo.com"))))',
        ['bjensen'],
      ],
    ] as [string, string, string[]][]
  ).map(([text, tree, selects]): Case => ({ category: 'RFC 7644 §3.4.2.2', text, tree, selects })),

  // Entra ID and Okta lookups.
  {
    category: 'IdP lookup',
    text: 'userName eq "BJensen"',
    tree: '(eq username "BJensen")',
    selects: ['bjensen'],
    note: 'userName is caseExact=false',
  },
  { category: 'IdP lookup', text: 'externalId eq "bjensen"', tree: '(eq externalid "bjensen")', selects: ['bjensen'] },
  {
    category: 'IdP lookup',
    text: 'externalId eq "BJENSEN"',
    tree: '(eq externalid "BJENSEN")',
    selects: [],
    note: 'externalId is caseExact=true',
  },
  {
    category: 'IdP lookup',
    text: 'displayName eq "tour guides"',
    tree: '(eq displayname "tour guides")',
    selects: ['tourGuides'],
    resources: groups,
    resolve: resolveGroup,
    note: 'Entra group lookup; Group displayName is caseExact=false',
  },
  {
    category: 'IdP lookup',
    text: 'userName eq "Test_User+tag@contoso.com"',
    tree: '(eq username "Test_User+tag@contoso.com")',
    selects: ['plus'],
    resources: extraUsers,
    note: 'Entra sends the UPN as typed in the directory',
  },

  // `+` in the query string: Koa's ctx.query has already made it a space; ours reads the raw query.
  {
    category: '+ for space',
    text: 'userName eq "test_user+tag@contoso.com"',
    query: 'filter=userName%20eq%20%22test_user+tag@contoso.com%22&startIndex=1&count=100',
    selects: ['plus'],
    resources: extraUsers,
    note: 'RFC 3986 encoder: %20 for spaces, + left as is',
  },
  {
    category: '+ for space',
    text: 'userName eq "test_user+tag@contoso.com"',
    query: 'filter=userName+eq+%22test_user%2Btag%40contoso.com%22',
    selects: ['plus'],
    resources: extraUsers,
    note: 'form encoder: + for spaces, %2B for plus',
  },

  // Value paths.
  {
    category: 'value path',
    text: 'emails[type eq "home" and value co "@example.com"]',
    tree: '(vp emails (and (eq type "home") (co value "@example.com")))',
    selects: [],
    note: 'both conditions on one element',
  },
  {
    category: 'value path',
    text: 'emails.type eq "home" and emails.value co "@example.com"',
    tree: '(and (eq emails.type "home") (co emails.value "@example.com"))',
    selects: ['bjensen'],
    note: 'each condition on any element',
  },
  {
    category: 'value path',
    text: 'emails[primary eq true]',
    tree: '(vp emails (eq primary true))',
    selects: ['bjensen'],
  },
  {
    category: 'value path',
    text: 'emails[primary eq "true"]',
    tree: '(vp emails (eq primary "true"))',
    selects: ['bjensen'],
    note: 'quirk filter-string-boolean',
  },
  {
    category: 'value path',
    text: 'emails[not (type eq "work")]',
    tree: '(vp emails (not (eq type "work")))',
    selects: ['bjensen', 'jsmith'],
    note: 'errata 7322: logic inside [ ]',
  },
  {
    category: 'value path',
    text: 'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
    tree: '(vp members (eq value "2819c223-7f76-453a-919d-413861904646"))',
    selects: ['tourGuides'],
    resources: groups,
    resolve: resolveGroup,
  },
  {
    category: 'value path',
    text: 'emails[type eq "work"].value eq "bjensen@example.com"',
    tree: 'reject',
    note: "not in the filter grammar (valuePath has no subAttr in FILTER); reportedly sent by Microsoft's SCIM validator",
  },

  // not.
  {
    category: 'not',
    text: 'not (userName eq "bjensen")',
    tree: '(not (eq username "bjensen"))',
    selects: ['jsmith', 'bare'],
  },
  {
    category: 'not',
    text: 'not (title pr)',
    tree: '(not (pr title))',
    selects: ['jsmith', 'bare'],
    note: 'title "" is not present',
  },
  { category: 'not', text: 'not userName eq "bjensen"', tree: 'reject', note: 'ABNF: "not" [SP] "(" valFilter ")"' },
  {
    category: 'not',
    text: 'not (emails co "example.com")',
    tree: '(not (co emails "example.com"))',
    selects: ['jsmith', 'bare'],
  },

  // Precedence: and before or (errata 4670), not only over its group.
  {
    category: 'precedence',
    text: 'title pr or userType eq "Intern" and active eq false',
    tree: '(or (pr title) (and (eq usertype "Intern") (eq active false)))',
    selects: ['bjensen', 'jsmith'],
  },
  {
    category: 'precedence',
    text: 'active eq false and userType eq "Employee" or title pr',
    tree: '(or (and (eq active false) (eq usertype "Employee")) (pr title))',
    selects: ['bjensen'],
  },
  {
    category: 'precedence',
    text: 'not (userType eq "Employee") and title pr',
    tree: '(and (not (eq usertype "Employee")) (pr title))',
    selects: [],
  },
  {
    category: 'precedence',
    text: 'USERNAME EQ "bjensen" AND title PR',
    tree: '(and (eq username "bjensen") (pr title))',
    selects: ['bjensen'],
    note: 'keywords and names in any case',
  },
  {
    category: 'precedence',
    text: '((userName eq "bjensen"))',
    tree: '(eq username "bjensen")',
    selects: ['bjensen'],
  },

  // URN-qualified names.
  {
    category: 'URN',
    text: `${ENTERPRISE_USER}:employeeNumber eq "701984"`,
    tree: `(eq ${ENTERPRISE_USER.toLowerCase()}:employeenumber "701984")`,
    selects: ['bjensen'],
  },
  {
    category: 'URN',
    text: `${ENTERPRISE_USER}:manager.value eq "26118915-6090-4610-87e4-49d8ca9f808d"`,
    tree: `(eq ${ENTERPRISE_USER.toLowerCase()}:manager.value "26118915-6090-4610-87e4-49d8ca9f808d")`,
    selects: ['bjensen'],
  },
  {
    category: 'URN',
    text: `${ENTERPRISE_USER.toUpperCase()}:DEPARTMENT eq "tour operations"`,
    tree: `(eq ${ENTERPRISE_USER.toLowerCase()}:department "tour operations")`,
    selects: ['bjensen'],
    note: 'URN and name in another case',
  },

  // Literals: JSON string escapes, case-insensitive true/false/null (ABNF string literals).
  {
    category: 'literal',
    text: 'displayName eq "Ren\\u00e9"',
    tree: '(eq displayname "René")',
    selects: ['rene'],
    resources: extraUsers,
  },
  {
    category: 'literal',
    text: 'displayName eq "a\\\\b"',
    tree: '(eq displayname "a\\\\b")',
    selects: ['backslash'],
    resources: extraUsers,
  },
  {
    category: 'literal',
    text: 'active eq True',
    tree: '(eq active true)',
    selects: ['bjensen'],
    note: 'ABNF literals are case-insensitive',
  },
  {
    category: 'literal',
    text: 'title eq null',
    tree: '(eq title null)',
    selects: ['jsmith', 'bare'],
    note: 'eq null = no value',
  },
];

interface Verdict {
  ok: boolean;
  detail: string;
}

const errorText = (error: unknown): string => {
  if (error instanceof Error) return `${error.constructor.name}: ${error.message}`.slice(0, 90);
  return `non-Error thrown: ${String(error)}`.slice(0, 90);
};

function judge(library: FilterLibrary, testCase: Case): { parse: Verdict; select: Verdict } {
  const resources = testCase.resources ?? USERS;
  const resolve = testCase.resolve ?? resolveUser;
  let text = testCase.text;
  if (testCase.query !== undefined) {
    const decoded = library === ours ? readFilterParameter(testCase.query) : querystring.parse(testCase.query).filter;
    text = String(decoded);
  }
  let parse: Verdict;
  let tree: unknown;
  try {
    tree = library.parse(text);
    if (testCase.tree === 'reject') parse = { ok: false, detail: 'accepted' };
    else if (testCase.tree === undefined || !library.canonical) parse = { ok: true, detail: 'parsed' };
    else {
      const got = library.canonical(tree);
      parse = got === testCase.tree ? { ok: true, detail: 'same tree' } : { ok: false, detail: got };
    }
  } catch (error) {
    parse = testCase.tree === 'reject' ? { ok: true, detail: 'rejected' } : { ok: false, detail: errorText(error) };
  }
  let select: Verdict = { ok: true, detail: '' };
  if (testCase.selects !== undefined) {
    try {
      const got = library.select(text, resources, resolve);
      const ok = JSON.stringify(got) === JSON.stringify(testCase.selects);
      select = { ok, detail: ok ? '' : `[${got.join(', ')}]` };
    } catch (error) {
      select = { ok: false, detail: errorText(error) };
    }
  }
  if (testCase.query !== undefined) parse = { ...parse, detail: `sees ${JSON.stringify(text)}` };
  return { parse, select };
}

// ---------------------------------------------------------------------------------------------------
// Errors: is the input refused, with a usable error and a position?
// ---------------------------------------------------------------------------------------------------

/** Malformed filters and the 0-based offset of the offending character. */
const MALFORMED: [text: string, position: number][] = [
  ['', 0],
  ['userName eq', 11],
  ['userName eq "abc', 12],
  ['userName xx "a"', 9],
  ['(userName eq "a"', 16],
  ['emails[type eq "work"', 21],
  ['userName eq "a" and', 19],
  ['userName eq "a" )', 16],
  ['userName eq "a" userName eq "b"', 16],
  // `or` may be an attribute name (keywords go by position), so the first thing that cannot be read is `title`.
  ['userName eq "a" or or title pr', 22],
  ['userName pr "x"', 12],
  ['userName eq bjensen', 12],
  ['emails[value eq "a"] pr', 21],
];

interface ErrorVerdict {
  refused: boolean;
  kind: string;
  message: string;
  position?: number;
}

function errorVerdict(library: FilterLibrary, text: string): ErrorVerdict {
  try {
    library.parse(text);
    return { refused: false, kind: 'accepted', message: '' };
  } catch (error) {
    const kind = isScimError(error)
      ? `ScimError ${error.status} ${error.scimType}`
      : error instanceof Error
        ? (error as Error & { scimType?: string }).scimType
          ? `${error.constructor.name} ${(error as Error & { status?: number }).status} ${(error as Error & { scimType?: string }).scimType}`
          : error.constructor.name
        : typeof error;
    const position = error instanceof FilterSyntaxError ? error.position : undefined;
    return { refused: true, kind, message: error instanceof Error ? error.message : String(error), position };
  }
}

// ---------------------------------------------------------------------------------------------------
// Random garbage
// ---------------------------------------------------------------------------------------------------

const mulberry32 = (seed: number) => () => {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};

const FUZZ_ALPHABET = Array.from('abcuserNameqtolpr ()[]."\\:$-_+0123456789\t\néTFnul');
const FUZZ_TOKENS = [
  'userName',
  'emails',
  'value',
  'eq',
  'co',
  'pr',
  'gt',
  'and',
  'or',
  'not',
  '(',
  ')',
  '[',
  ']',
  '"x"',
  '"a\\"b"',
  '1',
  '-2.5e3',
  'true',
  'null',
  '.',
  ':',
  'urn:a:b:c',
  ' ',
  ' ',
  ' ',
];

/** Inputs: random characters, mutated valid filters, token soup; at most 8 newlines each (see ReDoS). */
function garbageInputs(count: number, seed = 20261129): string[] {
  const random = mulberry32(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const valid = CASES.map((c) => c.text).filter(Boolean);
  const inputs: string[] = [];
  while (inputs.length < count) {
    const kind = inputs.length % 3;
    let text = '';
    if (kind === 0) {
      const length = Math.floor(random() * 40);
      for (let i = 0; i < length; i += 1)
        text += random() < 0.9 ? pick(FUZZ_ALPHABET) : String.fromCharCode(Math.floor(random() * 0x2fff));
    } else if (kind === 1) {
      const chars = Array.from(pick(valid));
      const edits = 1 + Math.floor(random() * 3);
      for (let e = 0; e < edits; e += 1) {
        const at = Math.floor(random() * (chars.length + 1));
        const action = random();
        if (action < 0.33) chars.splice(at, 1);
        else if (action < 0.66) chars.splice(at, 0, pick(FUZZ_ALPHABET));
        else chars[at] = pick(FUZZ_ALPHABET);
      }
      text = chars.join('');
    } else {
      const length = 1 + Math.floor(random() * 12);
      for (let i = 0; i < length; i += 1) text += pick(FUZZ_TOKENS) + (random() < 0.7 ? ' ' : '');
    }
    if ((text.match(/\n/g) ?? []).length <= 8) inputs.push(text);
  }
  return inputs;
}

interface GarbageSummary {
  library: string;
  accepted: number;
  scimError400: number;
  plainError: number;
  crash: Record<string, number>;
  slowestMs: number;
}

function classifyGarbage(library: FilterLibrary, inputs: string[]): { summary: GarbageSummary; accepted: Set<string> } {
  const summary: GarbageSummary = {
    library: library.name,
    accepted: 0,
    scimError400: 0,
    plainError: 0,
    crash: {},
    slowestMs: 0,
  };
  const accepted = new Set<string>();
  for (const input of inputs) {
    const start = process.hrtime.bigint();
    try {
      library.parse(input);
      summary.accepted += 1;
      accepted.add(input);
    } catch (error) {
      const e = error as Error & { status?: number | string; scimType?: string };
      if (e instanceof Error && String(e.status) === '400' && e.scimType === 'invalidFilter') summary.scimError400 += 1;
      else if (e instanceof Error && e.constructor === Error) summary.plainError += 1;
      else {
        const name = e instanceof Error ? e.constructor.name : typeof e;
        summary.crash[name] = (summary.crash[name] ?? 0) + 1;
      }
    }
    summary.slowestMs = Math.max(summary.slowestMs, Number(process.hrtime.bigint() - start) / 1e6);
  }
  return { summary, accepted };
}

/** Exponential backtracking: `userName eq "` followed by n newlines and no closing quote. */
function redosProbe(library: FilterLibrary, sizes: number[]): number[] {
  return sizes.map((n) => {
    const text = `userName eq "${'\n'.repeat(n)}`;
    const start = process.hrtime.bigint();
    try {
      library.parse(text);
    } catch {
      // expected: unterminated string
    }
    return Number(process.hrtime.bigint() - start) / 1e6;
  });
}

function limitProbe(library: FilterLibrary, text: string): string {
  const start = process.hrtime.bigint();
  let outcome: string;
  try {
    library.parse(text);
    outcome = 'accepted';
  } catch (error) {
    outcome = errorText(error).slice(0, 70);
  }
  return `${outcome} (${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(1)} ms)`;
}

// ---------------------------------------------------------------------------------------------------
// Run
// ---------------------------------------------------------------------------------------------------

const out: string[] = [];
const print = (line = '') => {
  out.push(line);
  console.log(line);
};
const cell = (v: Verdict) =>
  `${v.ok ? '✔' : '✘'}${v.detail ? ` ${v.detail.replace(/\|/g, '\\|').replace(/\n/g, '\\n')}` : ''}`;
const code = (text: string) => `\`${text.replace(/\n/g, '\\n').replace(/\|/g, '\\|')}\``;

const env = machine();
print(`# scim2-parse-filter vs scimmy vs our filter module`);
print();
print(`Machine: ${describeMachine(env)}`);
print();

// 1. Correctness.
const results = CASES.map((testCase) => ({ testCase, verdicts: LIBRARIES.map((library) => judge(library, testCase)) }));
print('## Correctness');
print();
print('Each cell: tree (✔ = the tree the grammar gives, or refused when it must be) / selection on the sample');
print("resources with the library's own evaluator (✔ = the resources RFC 7643/7644 semantics select).");
print('scimmy\'s tree is not compared (see "AST fitness"), only its selection.');
print();
print(`| category | filter | ${LIBRARIES.map((l) => l.name).join(' | ')} | note |`);
print(`|---|---|${LIBRARIES.map(() => '---').join('|')}|---|`);
for (const { testCase, verdicts } of results) {
  const cells = verdicts.map(({ parse, select }) => `${cell(parse)}${testCase.selects ? ` / ${cell(select)}` : ''}`);
  print(
    `| ${testCase.category} | ${code(testCase.query ?? testCase.text)} | ${cells.join(' | ')} | ${testCase.note ?? ''} |`,
  );
}
print();
const scoreRows: string[] = [];
for (const category of [...new Set(CASES.map((c) => c.category)), 'all']) {
  const inCategory = results.filter((r) => category === 'all' || r.testCase.category === category);
  const scores = LIBRARIES.map((_, index) => {
    const passed = inCategory.filter((r) => r.verdicts[index].parse.ok && r.verdicts[index].select.ok).length;
    return `${passed}/${inCategory.length}`;
  });
  scoreRows.push(`| ${category} | ${scores.join(' | ')} |`);
}
print('Cases fully right (tree and selection):');
print();
print(`| category | ${LIBRARIES.map((l) => l.name).join(' | ')} |`);
print(`|---|${LIBRARIES.map(() => '---:').join('|')}|`);
scoreRows.forEach((row) => print(row));
print();

// 2. Errors.
print('## Malformed filters: refused? how? where?');
print();
print(`| filter | offending position | ${LIBRARIES.map((l) => l.name).join(' | ')} |`);
print(`|---|---:|${LIBRARIES.map(() => '---').join('|')}|`);
const errorRows = MALFORMED.map(([text, position]) => {
  const verdicts = LIBRARIES.map((library) => errorVerdict(library, text));
  const cells = verdicts.map((v) => {
    if (!v.refused) return '✘ accepted';
    const where =
      v.position === undefined
        ? 'no position'
        : v.position === position
          ? `position ${v.position} ✔`
          : `position ${v.position} ✘`;
    return `${v.kind}; ${where}: "${v.message.replace(/\n/g, '\\n').replace(/\|/g, '\\|').slice(0, 60)}"`;
  });
  print(`| ${code(text)} | ${position} | ${cells.join(' | ')} |`);
  return { text, position, verdicts };
});
print();

// 3. Garbage.
const inputs = garbageInputs(3000);
const garbage = LIBRARIES.map((library) => classifyGarbage(library, inputs));
print(
  `## Random garbage (${inputs.length} inputs: random characters, mutated valid filters, token soup; seed 20261129)`,
);
print();
print('| library | accepted | 400 invalidFilter | plain Error | other throw (crash) | slowest input |');
print('|---|---:|---:|---:|---|---:|');
for (const { summary } of garbage) {
  const crash =
    Object.entries(summary.crash)
      .map(([name, n]) => `${name} ×${n}`)
      .join(', ') || '0';
  print(
    `| ${summary.library} | ${summary.accepted} | ${summary.scimError400} | ${summary.plainError} | ${crash} | ${summary.slowestMs.toFixed(1)} ms |`,
  );
}
print();
const acceptedByOthers = LIBRARIES.slice(1).map((library, i) => {
  const theirs = garbage[i + 1].accepted;
  const onlyTheirs = [...theirs].filter((input) => !garbage[0].accepted.has(input));
  const onlyOurs = [...garbage[0].accepted].filter((input) => !theirs.has(input));
  return { library: library.name, onlyTheirs, onlyOurs };
});
for (const { library, onlyTheirs, onlyOurs } of acceptedByOthers) {
  print(
    `- ${library} accepts ${onlyTheirs.length} inputs ours refuses, e.g. ${onlyTheirs.slice(0, 4).map(code).join(', ')}; ours accepts ${onlyOurs.length} it refuses${onlyOurs.length ? `, e.g. ${onlyOurs.slice(0, 3).map(code).join(', ')}` : ''}.`,
  );
}
print();

const REDOS_SIZES = [12, 16, 20, 24, 26, 28];
const redos = LIBRARIES.map((library) => ({ library: library.name, ms: redosProbe(library, REDOS_SIZES) }));
print('### Backtracking: `userName eq "` followed by n newlines (%0A in a URL), no closing quote');
print();
print(`| library | ${REDOS_SIZES.map((n) => `n=${n}`).join(' | ')} |`);
print(`|---|${REDOS_SIZES.map(() => '---:').join('|')}|`);
for (const row of redos) print(`| ${row.library} | ${row.ms.map((ms) => `${ms.toFixed(1)} ms`).join(' | ')} |`);
print();

const deep = `${'('.repeat(10_000)}userName eq "a"${')'.repeat(10_000)}`;
const wide = Array.from({ length: 4000 }, (_, i) => `userName eq "u${i}"`).join(' or ');
print('### Limits');
print();
print(`| input | ${LIBRARIES.map((l) => l.name).join(' | ')} |`);
print(`|---|${LIBRARIES.map(() => '---').join('|')}|`);
const limits = [
  ['10,000 nested parentheses', deep],
  [`4,000-term or-chain (${wide.length.toLocaleString('en-US')} chars)`, wide],
].map(([label, text]) => {
  const cells = LIBRARIES.map((library) => limitProbe(library, text));
  print(`| ${label} | ${cells.join(' | ')} |`);
  return { label, cells };
});
print();

// 4. AST fitness for the database compiler: measured on two filters that must compile differently.
const sameElement = 'emails[type eq "work" and value co "@example.com"]';
const anyElement = 'emails.type eq "work" and emails.value co "@example.com"';
const scimmyTrees = [sameElement, anyElement].map((text) => JSON.stringify(new ScimmyTypes.Filter(text)));
const scim2Trees = [sameElement, anyElement].map((text) => JSON.stringify(scim2.parse(text)));
print('## AST fitness (for compiling to a where-clause)');
print();
print(
  `- scimmy: ${code(sameElement)} → ${code(scimmyTrees[0])}; ${code(anyElement)} → ${code(scimmyTrees[1])}: ${scimmyTrees[0] === scimmyTrees[1] ? '**the same tree**, so "same element" (one join) and "any element" (two joins) cannot be told apart' : 'different trees'}.`,
);
print(
  `- scim2-parse-filter: ${code(sameElement)} → ${code(scim2Trees[0])}; ${code(anyElement)} → ${code(scim2Trees[1])}. Attribute paths stay unparsed strings: ${code(JSON.stringify(scim2.parse(`${ENTERPRISE_USER}:manager.value pr`)))}.`,
);

let flattenOutcome: string;
try {
  flattenOutcome = `returns ${JSON.stringify(scim2.flatten(scim2.parse('not (userName eq "a")')))}`;
} catch (error) {
  flattenOutcome = `throws ${errorText(error)}`;
}
print(
  `- scim2-parse-filter's own \`flatten()\` (the helper that would turn value paths into dotted paths for a compiler) on \`not (userName eq "a")\`: ${flattenOutcome}.`,
);
print();

// 5. Speed.
const mix = filterMix(1000);
const texts = mix.map((entry) => entry.text);
for (const library of LIBRARIES) {
  const failed = texts.filter((text) => {
    try {
      library.parse(text);
      return false;
    } catch {
      return true;
    }
  });
  if (failed.length > 0)
    print(`- ${library.name} refuses ${failed.length} filters of the mix, e.g. ${code(failed[0])}`);
}
const columnsFor = {
  User: { columns: userColumns, coreSchema: CORE_USER },
  Group: { columns: groupColumns, coreSchema: 'urn:ietf:params:scim:schemas:core:2.0:Group' },
};
const ITERATIONS = 100_000;
const speed = measure(
  [
    { name: 'ours parseFilter', run: (i) => parseFilter(texts[i % texts.length]) },
    { name: 'scim2-parse-filter parse', run: (i) => scim2.parse(texts[i % texts.length]) },
    { name: 'scimmy new Types.Filter', run: (i) => new ScimmyTypes.Filter(texts[i % texts.length]) },
    {
      name: 'ours parseFilter + compileFilter',
      run: (i) => {
        const entry = mix[i % mix.length];
        return compileFilter(parseFilter(entry.text), columnsFor[entry.resourceType]);
      },
    },
  ],
  ITERATIONS,
);
print(
  `## Speed: parse ${ITERATIONS.toLocaleString('en-US')} filters of a realistic mix (1,000 distinct; 70 % Entra/Okta lookups)`,
);
print();
print(measurementTable(speed));
print();

const resultsDir = path.join(__dirname, '..', 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const base = path.join(resultsDir, `${today()}-compare-filter`);
fs.writeFileSync(`${base}.md`, `${out.join('\n')}\n`);
fs.writeFileSync(
  `${base}.json`,
  `${JSON.stringify(
    {
      machine: env,
      correctness: results.map(({ testCase, verdicts }) => ({
        category: testCase.category,
        filter: testCase.query ?? testCase.text,
        results: Object.fromEntries(LIBRARIES.map((l, i) => [l.name, verdicts[i]])),
      })),
      errors: errorRows.map(({ text, position, verdicts }) => ({
        text,
        position,
        results: Object.fromEntries(LIBRARIES.map((l, i) => [l.name, verdicts[i]])),
      })),
      garbage: { inputs: inputs.length, seed: 20261129, summaries: garbage.map((g) => g.summary) },
      redos: { sizes: REDOS_SIZES, results: redos },
      limits,
      speed,
    },
    null,
    2,
  )}\n`,
);
console.log(`\nwritten ${path.relative(process.cwd(), base)}.md and .json`);

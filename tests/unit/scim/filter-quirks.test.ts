import { compileFilter, matches, parseFilter, parsePatchPath } from '../../../server/src/scim/filter';
import { applyPatch } from '../../../server/src/scim/patch';
import { projectResource } from '../../../server/src/scim/projection';
import { QuirkLog, type QuirkId } from '../../../server/src/scim/quirks';
import { bjensen, resolveUser, userColumns } from './filter/fixtures';

const CORE = 'urn:ietf:params:scim:schemas:core:2.0:User';
const PATCH_OP = 'urn:ietf:params:scim:api:messages:2.0:PatchOp';

/** The quirks one call fires into a fresh log. */
const firedBy = (run: (log: QuirkLog) => unknown): QuirkId[] => {
  const log = new QuirkLog();
  run(log);
  return log.list();
};

describe('filter-unquoted-value', () => {
  it.each(['userName sw O', 'meta.created gt 2015-10-10T14:38:21Z', 'emails[type eq work]'])('fires for %s', (text) => {
    expect(firedBy((log) => parseFilter(text, undefined, log))).toEqual(['filter-unquoted-value']);
  });

  it.each(['userName eq "O"', 'active eq true', 'active eq False', 'title eq null', 'x eq 5', 'userName pr'])(
    'does not fire for %s, which RFC 7644 allows',
    (text) => {
      expect(firedBy((log) => parseFilter(text, undefined, log))).toEqual([]);
    },
  );

  it('fires for a PATCH path with an unquoted value', () => {
    expect(firedBy((log) => parsePatchPath('members[value eq abc]', undefined, log))).toEqual([
      'filter-unquoted-value',
    ]);
    expect(firedBy((log) => parsePatchPath('members[value eq "abc"]', undefined, log))).toEqual([]);
  });
});

describe('filter-string-boolean', () => {
  it('fires when a database filter compares a boolean with "true" or "false"', () => {
    const compile = (text: string) => (log: QuirkLog) =>
      compileFilter(parseFilter(text), { columns: userColumns, log });
    expect(firedBy(compile('active eq "True"'))).toEqual(['filter-string-boolean']);
    expect(firedBy(compile('active eq true'))).toEqual([]);
  });

  it('fires when the evaluator compares a boolean with a string', () => {
    expect(firedBy((log) => matches(parseFilter('emails[primary eq "true"]'), bjensen, resolveUser, log))).toEqual([
      'filter-string-boolean',
    ]);
    expect(firedBy((log) => matches(parseFilter('emails[primary eq true]'), bjensen, resolveUser, log))).toEqual([]);
  });

  it('fires for a PATCH path whose value filter compares a boolean with a string', () => {
    const user = { schemas: [CORE], userName: 'ann', emails: [{ value: 'a@example.com', primary: true }] };
    const body = {
      schemas: [PATCH_OP],
      Operations: [{ op: 'replace', path: 'emails[primary eq "true"].value', value: 'b@example.com' }],
    };
    const result = applyPatch('User', user, body);
    expect(result.quirks).toEqual(['filter-string-boolean']);
    expect(result.resource.emails).toEqual([{ value: 'b@example.com', primary: true }]);
  });
});

describe('attributes-value-filter', () => {
  const user = { schemas: [CORE], id: 'u1', userName: 'ann', emails: [{ value: 'a@example.com', type: 'work' }] };

  it('fires when attributes or excludedAttributes names an attribute with a value filter', () => {
    expect(firedBy((log) => projectResource('User', user, { attributes: 'emails[type eq "work"]', log }))).toEqual([
      'attributes-value-filter',
    ]);
    expect(
      firedBy((log) => projectResource('User', user, { excludedAttributes: 'emails[type eq "work"].value', log })),
    ).toEqual(['attributes-value-filter']);
  });

  it('does not fire for plain attribute names', () => {
    expect(firedBy((log) => projectResource('User', user, { attributes: 'emails.value,userName', log }))).toEqual([]);
  });
});

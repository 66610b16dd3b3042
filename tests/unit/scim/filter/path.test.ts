import { FilterSyntaxError, parsePatchPath, printPatchPath } from '../../../../server/src/scim/filter';
import { and, cmp, path } from './builders';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

describe('parsePatchPath (RFC 7644 §3.5.2)', () => {
  it.each([
    ['userName', { attributePath: path('userName') }],
    ['name.givenName', { attributePath: path('name.givenName') }],
    [`${ENTERPRISE}:employeeNumber`, { attributePath: { urn: ENTERPRISE, attribute: 'employeeNumber' } }],
    [
      `${ENTERPRISE}:manager.value`,
      { attributePath: { urn: ENTERPRISE, attribute: 'manager', subAttribute: 'value' } },
    ],
    ['emails[type eq "work"]', { attributePath: path('emails'), valueFilter: cmp('type', 'eq', 'work') }],
    [
      'emails[type eq "work" and primary eq true].value',
      { attributePath: path('emails.value'), valueFilter: and(cmp('type', 'eq', 'work'), cmp('primary', 'eq', true)) },
    ],
    [
      'members[value eq "2819c223-7f76-453a-919d-413861904646"]',
      { attributePath: path('members'), valueFilter: cmp('value', 'eq', '2819c223-7f76-453a-919d-413861904646') },
    ],
    [
      `${ENTERPRISE}:manager[value pr].displayName`,
      {
        attributePath: { urn: ENTERPRISE, attribute: 'manager', subAttribute: 'displayName' },
        valueFilter: { op: 'pr', path: path('value') },
      },
    ],
    [
      'members[$ref sw "https://"].display',
      { attributePath: path('members.display'), valueFilter: cmp('$ref', 'sw', 'https://') },
    ],
  ])('%s', (text, expected) => {
    const parsed = parsePatchPath(text);
    expect(parsed).toStrictEqual(expected);
    expect(parsePatchPath(printPatchPath(parsed))).toStrictEqual(parsed);
  });

  it.each([
    ['', 0, /Empty path/],
    ['emails[type eq "work"', 21, /Expected '\]'/],
    ['emails[type eq "work"].', 22, /Invalid sub-attribute name ""/],
    ['emails[type eq "work"].value.x', 22, /Invalid sub-attribute name "value.x"/],
    ['emails[type eq "work"] value', 23, /Expected the end of the path or ".subAttribute"/],
    ['emails[type eq "work"].value[x pr]', 28, /Expected the end of the path/],
    ['name.givenName[x pr]', 14, /must follow an attribute/],
    ['userName eq "x"', 9, /Expected the end of the path or '\['/],
    ['emails[type zz "work"]', 12, /Unknown operator "zz"/],
    ['a.b.c', 0, /only one level/],
    ['"userName"', 0, /Expected an attribute name/],
  ])('refuses %j with invalidPath', (text, position, detail) => {
    let caught: unknown;
    try {
      parsePatchPath(text);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(FilterSyntaxError);
    expect(caught).toMatchObject({ status: 400, scimType: 'invalidPath', position });
    expect((caught as FilterSyntaxError).detail).toMatch(detail);
  });
});

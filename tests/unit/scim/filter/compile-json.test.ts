import { compileFilter, parseFilter, type WhereClause } from '../../../../server/src/scim/filter';
import { ScimError } from '../../../../server/src/scim/errors';
import { USER_COLUMN_MAP } from '../../../../server/src/services/store/user-columns';
import { jsonAttributeResolver } from '../../../../server/src/services/store/json-attributes';
import { CORE_USER, ENTERPRISE_USER } from './fixtures';

/** The compiler's JSON path: attributes without a column become JsonPredicates over the stored resource. */
const compile = (text: string): WhereClause =>
  compileFilter(parseFilter(text), {
    columns: USER_COLUMN_MAP,
    coreSchema: CORE_USER,
    jsonAttributes: jsonAttributeResolver('User'),
  });

const detailOf = (text: string): string => {
  try {
    compile(text);
  } catch (error) {
    expect(error).toBeInstanceOf(ScimError);
    expect(error).toMatchObject({ status: 400, scimType: 'invalidFilter' });
    return (error as ScimError).detail;
  }
  throw new Error(`compiled ${text}`);
};

describe('compileFilter: attributes without a column', () => {
  it('compiles a singular attribute to a test on its own value, lower-cased unless caseExact', () => {
    expect(compile('title eq "Tour Guide"')).toEqual({
      $scimJson: {
        attribute: 'title',
        multiValued: false,
        complex: false,
        condition: { op: 'test', test: { kind: 'string', op: 'eq', value: 'tour guide', caseExact: false } },
      },
    });
  });

  it('reads extension attributes under their URN, with canonical names', () => {
    expect(compile(`${ENTERPRISE_USER.toUpperCase()}:MANAGER.VALUE eq "Boss"`)).toEqual({
      $scimJson: {
        container: ENTERPRISE_USER,
        attribute: 'manager',
        multiValued: false,
        complex: true,
        condition: { op: 'test', sub: 'value', test: { kind: 'string', op: 'eq', value: 'boss', caseExact: false } },
      },
    });
  });

  it("puts every condition of a value path, and Entra ID's .value form, on one element", () => {
    const expected = {
      $scimJson: {
        attribute: 'emails',
        multiValued: true,
        complex: true,
        condition: {
          op: 'and',
          left: { op: 'test', sub: 'type', test: { kind: 'string', op: 'eq', value: 'work', caseExact: false } },
          right: {
            op: 'test',
            sub: 'value',
            test: { kind: 'string', op: 'eq', value: 'ann@contoso.com', caseExact: false },
          },
        },
      },
    };
    expect(compile('emails[type eq "work"].value eq "Ann@Contoso.com"')).toEqual(expected);
    expect(compile('emails[type eq "work" and value eq "Ann@Contoso.com"]')).toEqual(expected);
  });

  it('keeps the list column for a plain comparison in brackets, and the columns for top-level lookups', () => {
    expect(compile('emails[value eq "a@b.c"]')).toEqual({ emailValues: { $contains: '\na@b.c\n' } });
    expect(compile('userName eq "x"')).toEqual({ userNameKey: { $eq: 'x' } });
  });

  it('reads eq null as "no element has a value" and not as plain negation of the subquery', () => {
    expect(compile('title eq null')).toEqual({
      $not: {
        $scimJson: {
          attribute: 'title',
          multiValued: false,
          complex: false,
          condition: { op: 'test', test: { kind: 'present' } },
        },
      },
    });
    expect(compile('not (phoneNumbers.type eq "mobile")')).toMatchObject({
      $not: { $scimJson: { attribute: 'phoneNumbers', condition: { sub: 'type' } } },
    });
  });

  it('turns booleans into the value some element must hold', () => {
    expect(compile('emails.primary ne true')).toMatchObject({
      $scimJson: { attribute: 'emails', condition: { sub: 'primary', test: { kind: 'boolean', value: false } } },
    });
  });

  it('refuses, naming the attribute, what the stored resource cannot answer', () => {
    expect(detailOf('groups.display eq "x"')).toMatch(/"groups.display" is not filterable/);
    expect(detailOf('employeeNumber eq "1"')).toMatch(/"employeeNumber" is not filterable/);
    expect(detailOf('emails[nope eq "x"]')).toMatch(/"emails.nope" is not filterable/);
    expect(detailOf('title[value eq "x"]')).toMatch(/"title" is not complex/);
    expect(detailOf('emails.primary gt true')).toMatch(/"gt" cannot compare the boolean attribute/);
    expect(detailOf('title eq 5')).toMatch(/is of type string/);
  });
});

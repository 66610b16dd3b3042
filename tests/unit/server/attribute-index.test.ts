import { indexRowsOf } from '../../../server/src/services/store/attribute-index';
import { resolveIndexedPath, type IndexedLeaf } from '../../../server/src/services/store/indexed-attributes';

const ENTERPRISE = 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User';

const leaves = (resourceType: 'User' | 'Group', path: string): IndexedLeaf[] => {
  const resolved = resolveIndexedPath(resourceType, path);
  if (typeof resolved === 'string') throw new Error(resolved);
  return resolved;
};

describe('resolveIndexedPath', () => {
  it('resolves extension attributes, sub-attributes and complex attributes to leaves', () => {
    expect(leaves('User', `${ENTERPRISE}:employeeNumber`).map((leaf) => leaf.key)).toEqual([
      `${ENTERPRISE.toLowerCase()}:employeenumber`,
    ]);
    expect(leaves('User', 'EMAILS.Value')).toEqual([
      {
        key: 'emails.value',
        attribute: 'emails',
        sub: 'value',
        multiValued: true,
        type: 'string',
        caseExact: false,
        coarse: false,
      },
    ]);
    expect(leaves('User', 'emails').map((leaf) => leaf.key)).toEqual([
      'emails.value',
      'emails.display',
      'emails.type',
      'emails.primary',
    ]);
  });

  it('says why a path cannot be indexed', () => {
    expect(resolveIndexedPath('User', 'employeeNumber')).toContain('extension attributes need their URN');
    expect(resolveIndexedPath('User', 'nickname.first')).toContain('has no attribute');
    expect(resolveIndexedPath('User', 'userName')).toContain('has a column of its own');
    expect(resolveIndexedPath('User', 'groups')).toContain('has no attribute');
    expect(resolveIndexedPath('Group', 'members')).toContain('has no attribute');
    expect(resolveIndexedPath('User', 'emails[type eq "work"].value')).toContain('Invalid');
  });
});

describe('indexRowsOf', () => {
  it('writes one row per stored value, by element, lower-cased unless caseExact', () => {
    const rows = indexRowsOf(
      [...leaves('User', 'emails.type'), ...leaves('User', 'emails.value'), ...leaves('User', 'emails.primary')],
      {
        schemas: [],
        emails: [{ value: 'Ann@Example.com', type: 'Work', primary: true }, 'not an object', { value: 'b@x.io' }],
      },
    );
    expect(rows).toEqual([
      { path: 'emails.type', element: 0, valueKey: 'work' },
      { path: 'emails.value', element: 0, valueKey: 'ann@example.com' },
      { path: 'emails.value', element: 2, valueKey: 'b@x.io' },
      { path: 'emails.primary', element: 0, valueKey: 'true' },
    ]);
  });

  it('leaves out values of another JSON type and values no column can hold', () => {
    const rows = indexRowsOf([...leaves('User', 'title'), ...leaves('User', `${ENTERPRISE}:manager.value`)], {
      schemas: [],
      title: 'x'.repeat(256),
      [ENTERPRISE]: { manager: { value: 7 } },
    });
    expect(rows).toEqual([]);
    expect(
      indexRowsOf(leaves('User', `${ENTERPRISE}:manager.value`), {
        schemas: [],
        [ENTERPRISE]: { manager: { value: 'M-1' } },
      }),
    ).toEqual([{ path: `${ENTERPRISE.toLowerCase()}:manager.value`, element: 0, valueKey: 'm-1' }]);
  });
});

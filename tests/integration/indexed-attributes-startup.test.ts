import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** An indexedAttributes entry that names nothing the index can hold stops Strapi at startup, naming the entry. */
let app: TestApp | undefined;

afterAll(async () => {
  await stopTestApp(app);
});

it('refuses to start with an unknown attribute, a column, or an extension attribute without its URN', async () => {
  const option = { User: ['title', 'employeeNumber', 'userName'], Group: ['members'] };
  const refusal = await startTestApp({ env: { SCIM_INDEXED_ATTRIBUTES: JSON.stringify(option) } }).then(
    (started) => {
      app = started;
      return 'started';
    },
    (error: unknown) => String(error),
  );
  expect(refusal).toContain(
    'scim plugin config: option "indexedAttributes.User.1": User has no attribute "employeeNumber" that the stored resource holds (extension attributes need their URN); ' +
      'scim plugin config: option "indexedAttributes.User.2": "userName" has a column of its own and is indexed already; ' +
      'scim plugin config: option "indexedAttributes.Group.0": Group has no attribute "members" that the stored resource holds',
  );
});

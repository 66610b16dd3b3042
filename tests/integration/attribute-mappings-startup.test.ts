import { startTestApp, stopTestApp, type TestApp } from './support/test-app';

/** A mapping onto a field the target's user content type does not have, or cannot hold, stops Strapi at startup. */
let app: TestApp | undefined;

afterAll(async () => {
  await stopTestApp(app);
});

it('refuses to start with an unknown field or a field of the wrong type, naming each', async () => {
  const mappings = [
    { path: 'urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department', field: 'costCentre' },
    { path: 'active', field: 'department' },
    { path: 'phoneNumbers[type eq "mobile"].value', field: 'department' },
  ];
  const refusal = await startTestApp({
    env: { SCIM_TARGET: 'users-permissions', SCIM_ATTRIBUTE_MAPPINGS: JSON.stringify(mappings) },
  }).then(
    (started) => {
      app = started;
      return 'started';
    },
    (error: unknown) => String(error),
  );
  expect(refusal).toContain(
    'scim plugin config: option "attributeMappings.0.field": plugin::users-permissions.user has no field "costCentre"; ' +
      'scim plugin config: option "attributeMappings.1.field": "department" of plugin::users-permissions.user is of type string, which cannot hold the boolean "active"',
  );
});

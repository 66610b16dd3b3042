/** Unit tests (pure code, parallel), integration tests (a real Strapi per file, run in band), reliability tests. */
const transform = {
  '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, target: 'es2022' } }],
};

module.exports = {
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
    },
    {
      displayName: 'admin',
      testMatch: ['<rootDir>/tests/admin/**/*.test.tsx'],
      testEnvironment: 'jsdom',
      setupFilesAfterEnv: ['<rootDir>/tests/admin/setup.ts'],
      transform: {
        '^.+\\.(t|j)sx?$': [
          '@swc/jest',
          {
            jsc: {
              parser: { syntax: 'typescript', tsx: true },
              target: 'es2022',
              transform: { react: { runtime: 'automatic' } },
            },
          },
        ],
      },
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts', '<rootDir>/tests/idp/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
      setupFilesAfterEnv: ['<rootDir>/tests/integration/support/jest-setup.ts'],
    },
    {
      // Playground processes on PostgreSQL, whatever SCIM_TEST_DB says: crashes and several instances.
      displayName: 'reliability',
      testMatch: ['<rootDir>/tests/reliability/**/*.test.ts'],
      testEnvironment: 'node',
      transform,
      setupFilesAfterEnv: ['<rootDir>/tests/reliability/support/jest-setup.ts'],
    },
  ],
};

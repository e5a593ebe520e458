// Test tiers: each is a jest project, selectable with `--selectProjects <name>`
// (npm run test:unit | test:gadget | test:integration | test:e2e). Files are found
// by pattern, never by lists.
const tsNode = ['ts-jest', { tsconfig: '<rootDir>/tsconfig.json' }];
const tsBrowser = ['ts-jest', { tsconfig: '<rootDir>/gadget/tsconfig.json' }];

/** @type {import('jest').Config} */
module.exports = {
  // Two cores: the wiki server needs one of them during integration and e2e runs.
  maxWorkers: 2,
  // Integration and end-to-end tests drive a real wiki (and the bot, and Chromium) on a
  // loaded two-core machine: jest's 5 s default fails them spuriously. Nothing asserts time.
  testTimeout: 60_000,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsNode },
    },
    {
      displayName: 'gadget',
      testEnvironment: 'jsdom',
      // Resolve vue/codex to their CommonJS builds, as ResourceLoader's require() would.
      testEnvironmentOptions: { customExportConditions: ['node', 'node-addons'] },
      testMatch: ['<rootDir>/test/gadget/**/*.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/test/gadget/setup/vue-warnings.ts'],
      // Components are TSX (Vue's JSX runtime, set in gadget/tsconfig.json).
      transform: { '^.+\\.tsx?$': tsBrowser },
      // The build's virtual modules (scripts/gadget/build.ts): the bundled messages.
      moduleNameMapper: { '^letsconnect:(.*)$': '<rootDir>/test/gadget/support/virtual-$1.ts' },
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/integration/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsNode },
      globalSetup: '<rootDir>/test/support/wiki-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/wiki-global-teardown.ts',
      slowTestThreshold: 30,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/test/e2e/**/*.test.ts'],
      transform: { '^.+\\.ts$': tsNode },
      // Fails every test on a page error, console error or CSP violation in Chromium.
      setupFilesAfterEnv: ['<rootDir>/test/e2e/setup/page-problems.ts'],
      globalSetup: '<rootDir>/test/support/e2e-global-setup.ts',
      globalTeardown: '<rootDir>/test/support/wiki-global-teardown.ts',
      slowTestThreshold: 60,
    },
  ],
};

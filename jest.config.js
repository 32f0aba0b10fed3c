/** Two projects: node (domain, emulator, server, end-to-end) and miniprogram (jsdom + simulate). */
const transform = { '^.+\\.[tj]s$': '<rootDir>/scripts/jest-esbuild-transform.cjs' };

module.exports = {
  // A global option (Jest ignores it inside a project): integration tests run whole functions against
  // the emulator, and the official compiler builds every template on a file's first page load; a
  // loaded 2-core CI machine needs room.
  testTimeout: 30000,
  reporters: ['default', '<rootDir>/tests/setup/summary-reporter.cjs'],
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/tests'],
      testMatch: ['<rootDir>/tests/**/*.test.ts'],
      testPathIgnorePatterns: ['<rootDir>/tests/miniprogram/'],
      setupFiles: ['<rootDir>/tests/setup/node-env.ts'],
      setupFilesAfterEnv: ['<rootDir>/tests/setup/clock.ts'],
      transform,
      // Built function bundles are run as they are deployed, not transformed again.
      transformIgnorePatterns: ['/node_modules/', '<rootDir>/cloudfunctions/'],
    },
    {
      displayName: 'miniprogram',
      testEnvironment: 'jsdom',
      roots: ['<rootDir>/tests/miniprogram'],
      testMatch: ['<rootDir>/tests/miniprogram/**/*.test.ts'],
      setupFiles: ['<rootDir>/tests/miniprogram/setup.ts'],
      moduleDirectories: ['node_modules', '<rootDir>/miniprogram/miniprogram_npm'],
      transform,
      transformIgnorePatterns: ['/node_modules/'],
    },
  ],
};

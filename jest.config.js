/** Two projects: node (domain, emulator, server, end-to-end) and miniprogram (jsdom + simulate). */
const transform = { '^.+\\.[tj]s$': '<rootDir>/scripts/jest-esbuild-transform.cjs' };

module.exports = {
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
      // Integration tests run whole functions against the emulator; a loaded CI machine needs room.
      testTimeout: 30000,
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
      // The official compiler builds every template of the project on a file's first page load.
      testTimeout: 30000,
      moduleDirectories: ['node_modules', '<rootDir>/miniprogram/miniprogram_npm'],
      transform,
      transformIgnorePatterns: ['/node_modules/'],
    },
  ],
};

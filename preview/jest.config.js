/** The preview's renderer: the page tests' environment (jsdom + miniprogram-simulate), one test per scene. */
const path = require('node:path');

module.exports = {
  rootDir: path.resolve(__dirname, '..'),
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/preview'],
  testMatch: ['<rootDir>/preview/render/render.preview.ts'],
  setupFiles: ['<rootDir>/tests/miniprogram/setup.ts'],
  moduleDirectories: ['node_modules', '<rootDir>/miniprogram/miniprogram_npm'],
  transform: { '^.+\\.[tj]s$': '<rootDir>/scripts/jest-esbuild-transform.cjs' },
  transformIgnorePatterns: ['/node_modules/'],
  testTimeout: 60000,
};

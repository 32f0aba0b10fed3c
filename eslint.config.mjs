// ESLint for every TypeScript source; Prettier owns formatting (wxml/wxss via .prettierrc.json overrides).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/*
 * The boundaries of DESIGN.md, checked by `npm run lint` (tests/lint/boundaries.test.ts shows each
 * one firing on a deliberate breach). ESLint applies the last matching `no-restricted-imports`
 * of a file, so each folder's block lists every restriction that folder has.
 *
 * `no-restricted-imports` matches the import text, not the resolved file, so "leaves the folder"
 * is spelled per depth: a file N folders below the root escapes it with N `../`.
 */
const MAX_DEPTH = 6;
const ups = (n) => `(\\.\\./){${n}}`;

/** The SDKs: only server/platform initialises and calls them. */
const SDK = {
  group: ['@cloudbase/*', 'wx-server-sdk', 'wx-server-sdk/*'],
  message: 'Only server/platform talks to the SDK; use its helpers (cloudbase.ts, transaction.ts, …).',
};

/** Node's I/O modules: pure rules (server/domain) use none of them. */
const NODE_IO = {
  regex: '^(node:)?(fs|fs/promises|http|https|http2|net|tls|dgram|dns|child_process|worker_threads|cluster)$',
  message: 'server/domain holds pure rules: no I/O. Do the I/O in the area or server/platform.',
};

/** One block per depth below `root` (root/x.ts is depth 1), each with the patterns `patternsAt(depth)`. */
function perDepth(root, patternsAt, extraIgnores = []) {
  return Array.from({ length: MAX_DEPTH }, (_, i) => i + 1).map((depth) => ({
    files: [`${root}/${'*/'.repeat(depth - 1)}*.ts`],
    ignores: extraIgnores,
    rules: { 'no-restricted-imports': ['error', { patterns: patternsAt(depth) }] },
  }));
}

const boundaries = [
  // Nothing under miniprogram/ imports at run time from outside it (only miniprogram/ is uploaded):
  // no relative path out of the root, no npm package but the built TDesign. `import type` may cross.
  ...perDepth('miniprogram', (depth) => [
    {
      regex: `^${ups(depth)}`,
      allowTypeImports: true,
      message: 'Only `import type` may cross the miniprogram root: nothing outside miniprogram/ is uploaded.',
    },
    {
      regex: '^(?!\\.{1,2}/|tdesign-miniprogram/)',
      allowTypeImports: true,
      message: 'The mini-program can load only its own files and the packages built into miniprogram_npm (TDesign).',
    },
  ]),
  {
    // Only services/cloud.ts talks to the backend (functions, storage, the local host).
    files: ['miniprogram/**/*.ts'],
    ignores: ['miniprogram/services/cloud.ts', 'miniprogram/miniprogram_npm/**'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector:
            "MemberExpression[object.name='wx'][property.name=/^(cloud|request|uploadFile|downloadFile|connectSocket)$/]",
          message: 'Only miniprogram/services/cloud.ts calls the backend: add a helper there and call it.',
        },
      ],
    },
  },
  // Only server/platform imports the SDK.
  {
    files: ['server/**/*.ts', 'typings/**/*.ts', 'database/**/*.ts'],
    ignores: ['server/platform/**'],
    rules: { 'no-restricted-imports': ['error', { patterns: [SDK] }] },
  },
  // server/domain has no I/O: no SDK, no node I/O, nothing outside domain/ but the type contract
  // (not platform, not an area's data access, not database/).
  ...perDepth('server/domain', (depth) => [
    SDK,
    NODE_IO,
    {
      regex: `^${ups(depth)}(?!\\.\\./typings/)`,
      message: 'server/domain holds pure rules: it imports only domain/ and the types of /typings.',
    },
  ]),
  // The emulator is the platform, not the app: it does not import server/. (emulator/seed/ is the
  // app's demo content, written with the app's own ids and sealing, so it may.)
  ...perDepth(
    'emulator',
    (depth) => [
      {
        regex: `^${ups(depth)}server(/|$)`,
        message: 'emulator/ does not import server/: the local platform must not depend on the app it runs.',
      },
    ],
    ['emulator/seed/**'],
  ),
];

export default tseslint.config(
  {
    ignores: [
      // Deliberate boundary breaches: tests/lint/boundaries.test.ts lints them at the paths they name.
      'tests/lint/fixtures/**',
      'node_modules/**',
      'miniprogram/miniprogram_npm/**',
      'cloudfunctions/*/index.js',
      '.data/**',
      'coverage/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
    },
  },
  ...boundaries,
  {
    files: ['**/*.cjs', '**/*.js', '**/*.mjs'],
    languageOptions: {
      globals: {
        require: 'readonly',
        module: 'writable',
        __dirname: 'readonly',
        process: 'readonly',
        console: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);

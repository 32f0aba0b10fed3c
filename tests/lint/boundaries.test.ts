/**
 * The boundaries of DESIGN.md are checked by `npm run lint`: each fixture in tests/lint/fixtures is
 * a deliberate breach (or a permitted neighbour), linted with the project's eslint.config.mjs at
 * the path its first line names, and must get exactly the rule it expects. The fixtures are
 * ignored by the normal `eslint .` run and by tsc, so the breaches live only here.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');
const FIXTURES = path.join(__dirname, 'fixtures');

interface Fixture {
  name: string;
  filePath: string;
  expect: string;
  code: string;
}

interface Linted {
  filePath: string;
  messages: { ruleId: string | null; message: string }[];
}

const fixtures: Fixture[] = fs
  .readdirSync(FIXTURES)
  .filter((name) => name.endsWith('.ts'))
  .sort()
  .map((name) => {
    const code = fs.readFileSync(path.join(FIXTURES, name), 'utf8');
    const filePath = /^\/\/ lint-as: (\S+)$/m.exec(code)?.[1];
    const expected = /^\/\/ expect: (\S+)$/m.exec(code)?.[1];
    if (!filePath || !expected) throw new Error(`${name}: needs "// lint-as: <path>" and "// expect: <rule|nothing>"`);
    return { name, filePath, expect: expected, code };
  });

let results: Map<string, Linted['messages']>;
beforeAll(() => {
  // ESLint loads its flat config with a dynamic import, which Jest's module system refuses: lint in a child.
  const out = execFileSync(process.execPath, [path.join(__dirname, 'lint-as.mjs')], {
    cwd: ROOT,
    input: JSON.stringify(fixtures.map((f) => ({ filePath: f.filePath, code: f.code }))),
    encoding: 'utf8',
  });
  const linted = JSON.parse(out) as Linted[];
  results = new Map(fixtures.map((f, i) => [f.name, linted[i]!.messages]));
}, 60_000);

test('there is a breach for every boundary', () => {
  const breaches = fixtures.filter((f) => f.expect !== 'nothing').map((f) => f.filePath.split('/')[0]);
  expect(new Set(breaches)).toEqual(new Set(['miniprogram', 'server', 'emulator']));
  expect(fixtures.filter((f) => f.expect === 'no-restricted-syntax')).not.toHaveLength(0);
});

test.each(fixtures.map((f) => [f.name, f] as const))('%s', (_name, fixture) => {
  const rules = results.get(fixture.name)!.map((m) => m.ruleId);
  if (fixture.expect === 'nothing') expect(results.get(fixture.name)).toEqual([]);
  else expect(rules).toEqual([fixture.expect]);
});

test('no function bundle carries the local development keys', () => {
  const dirs = fs
    .readdirSync(path.join(ROOT, 'cloudfunctions'), { withFileTypes: true })
    .filter((d) => d.isDirectory());
  const bundles = dirs.map((d) => path.join(ROOT, 'cloudfunctions', d.name, 'index.js'));
  expect(bundles.length).toBeGreaterThan(0);
  for (const bundle of bundles) {
    // `npm test` builds the bundles first (as tests/server/dues/bundled.test.ts needs them too).
    const text = fs.readFileSync(bundle, 'utf8');
    expect({ bundle: path.relative(ROOT, bundle), hasDevKey: text.includes('local-dev-only') }).toEqual({
      bundle: path.relative(ROOT, bundle),
      hasDevKey: false,
    });
  }
});

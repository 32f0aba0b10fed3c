/**
 * Words defined on both sides say the same thing. The mini-program cannot import the server at
 * run time (only miniprogram/ is uploaded) and the server does not import the mini-program's
 * screen constants (its bundle should not depend on page wording), so a label the server writes
 * into its own sentences keeps a second copy; this test is what keeps the two copies equal.
 *
 * Every `*_LABELS` table exported from server/domain is paired, by name, with the table of the same
 * name in miniprogram/constants: a new server table with a mini-program twin is checked without
 * being listed here. The fixed orders both sides offer are compared explicitly.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as mpDues from '../../miniprogram/constants/dues';
import * as mpMember from '../../miniprogram/constants/member';
import * as mpPoints from '../../miniprogram/constants/points';
import * as mpSessions from '../../miniprogram/constants/sessions';
import { CHANNEL_LABELS as SERVER_OFFLINE_CHANNEL_LABELS } from '../../server/dues/offline';
import { DUES_CATEGORIES } from '../../server/domain/dues/categories';
import { INDUSTRIES } from '../../server/domain/member-labels';
import { CATEGORIES } from '../../server/domain/points/rules';
import { SESSION_KINDS, VOTING_KINDS } from '../../server/domain/sessions/kinds';

const ROOT = path.resolve(__dirname, '../..');

function tsFilesUnder(dir: string): string[] {
  return fs.readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) return tsFilesUnder(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

type LabelTables = Map<string, { file: string; table: Record<string, string> }[]>;

/** Every exported `*_LABELS` object of the modules under `dir`, by export name, each object once. */
function labelTablesUnder(dir: string): LabelTables {
  const found: LabelTables = new Map();
  for (const file of tsFilesUnder(dir)) {
    const mod = jest.requireActual<Record<string, unknown>>(path.join(ROOT, file));
    for (const [name, value] of Object.entries(mod)) {
      if (!name.endsWith('_LABELS') || typeof value !== 'object' || value === null) continue;
      if (found.get(name)?.some((d) => d.table === value)) continue; // re-exported (an index.ts)
      found.set(name, [...(found.get(name) ?? []), { file, table: value as Record<string, string> }]);
    }
  }
  return found;
}

const server = labelTablesUnder('server/domain');
const miniprogram = labelTablesUnder('miniprogram/constants');
const pairs = [...server.keys()].filter((name) => miniprogram.has(name)).sort();

test('each label table name is defined once per side, so pairing by name is unambiguous', () => {
  for (const [side, tables] of [
    ['server/domain', server],
    ['miniprogram/constants', miniprogram],
  ] as const) {
    for (const [name, defs] of tables) {
      expect({ side, name, files: defs.map((d) => d.file) }).toEqual({ side, name, files: [defs[0]!.file] });
    }
  }
});

test('the tables both sides define are the expected ones (a rename on one side shows here)', () => {
  expect(pairs).toEqual([
    'CATEGORY_LABELS',
    'DUES_CATEGORY_LABELS',
    'INDUSTRY_LABELS',
    'SESSION_KIND_LABELS',
    'UNIT_LABELS',
  ]);
});

test.each(pairs)('%s: the server and the mini-program say exactly the same words', (name) => {
  expect(server.get(name)![0]!.table).toEqual(miniprogram.get(name)![0]!.table);
});

test('offline payment channels: the server names each as the mini-program does', () => {
  for (const [channel, label] of Object.entries(SERVER_OFFLINE_CHANNEL_LABELS)) {
    expect({ channel, label }).toEqual({
      channel,
      label: mpDues.CHANNEL_LABELS[channel as keyof typeof mpDues.CHANNEL_LABELS],
    });
  }
  expect(mpDues.OFFLINE_CHANNELS).toEqual(
    Object.entries(SERVER_OFFLINE_CHANNEL_LABELS).map(([value, label]) => ({ value, label })),
  );
});

test('the fixed lists are offered in the same order on both sides', () => {
  expect(mpMember.INDUSTRIES).toEqual(INDUSTRIES);
  expect(mpDues.DUES_CATEGORIES).toEqual(DUES_CATEGORIES);
  expect(mpPoints.CATEGORY_ORDER).toEqual(CATEGORIES);
  expect(mpSessions.SESSION_KIND_OPTIONS.map((o) => o.value)).toEqual(SESSION_KINDS);
  expect(mpSessions.VOTING_KINDS).toEqual(VOTING_KINDS);
});

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { functionNames } from '../../scripts/build-functions';
import { ROOT } from '../helpers/local-cloud';

const rc = JSON.parse(readFileSync(path.join(ROOT, 'cloudbaserc.json'), 'utf8')) as {
  functionRoot: string;
  functions: { name: string; runtime: string; installDependency: boolean; envVariables: Record<string, string> }[];
};

describe('deploy configuration', () => {
  const names = functionNames();

  it('has at least the foundation functions', () => {
    expect(names).toEqual(expect.arrayContaining(['org', 'user']));
  });

  it.each(names)('%s has a deploy folder and a cloudbaserc entry that ships it bundled, in Asia/Shanghai', (name) => {
    expect(existsSync(path.join(ROOT, 'cloudfunctions', name, 'package.json'))).toBe(true);
    expect(existsSync(path.join(ROOT, 'cloudfunctions', name, 'config.json'))).toBe(true);
    const entry = rc.functions.find((f) => f.name === name);
    expect(entry).toBeDefined();
    expect(entry!.installDependency).toBe(false);
    expect(entry!.envVariables.TZ).toBe('Asia/Shanghai');
    expect(Number(/^Nodejs(\d+)/.exec(entry!.runtime)?.[1])).toBeGreaterThanOrEqual(18);
  });

  it('declares no function that has no source', () => {
    expect(rc.functions.map((f) => f.name).sort()).toEqual(names);
  });
});

import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
export const FUNCTIONS_SOURCE = path.join(root, 'server/functions');
export const FUNCTIONS_OUT = path.join(root, 'cloudfunctions');

/** Names of the deployed functions: one per `server/functions/<name>.ts`. */
export function functionNames(): string[] {
  return readdirSync(FUNCTIONS_SOURCE)
    .filter((f) => f.endsWith('.ts'))
    .map((f) => f.slice(0, -3))
    .sort();
}

/**
 * Bundle each function into `cloudfunctions/<name>/index.js`: self-contained, so it runs
 * from a folder with no node_modules (cloudbaserc.json sets installDependency false).
 */
export async function buildFunctions(): Promise<{ name: string; bytes: number }[]> {
  const names = functionNames();
  for (const name of names) {
    const dir = path.join(FUNCTIONS_OUT, name);
    for (const f of ['package.json', 'config.json']) {
      if (!existsSync(path.join(dir, f)))
        throw new Error(`cloudfunctions/${name}/${f} is missing: every function needs its deploy folder`);
    }
  }
  await Promise.all(
    names.map((name) =>
      build({
        entryPoints: [path.join(FUNCTIONS_SOURCE, `${name}.ts`)],
        outfile: path.join(FUNCTIONS_OUT, name, 'index.js'),
        bundle: true,
        platform: 'node',
        target: 'node18',
        format: 'cjs',
        sourcemap: 'linked',
        legalComments: 'none',
        logLevel: 'warning',
      }),
    ),
  );
  return names.map((name) => ({ name, bytes: statSync(path.join(FUNCTIONS_OUT, name, 'index.js')).size }));
}

if (require.main === module) {
  buildFunctions().then(
    (built) => console.table(built),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

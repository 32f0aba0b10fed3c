/**
 * Builds `miniprogram/miniprogram_npm` from the root package.json `dependencies`: TDesign,
 * and dayjs, which TDesign's date pickers and locale import at run time (project code does not);
 * offline and without a key, the same way DevTools' "构建 npm" does with `packNpmManually: true`.
 * Page tests and check-size both need its output, so it runs before them.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as ci from 'miniprogram-ci';

const root = path.resolve(__dirname, '..');

/** Where the packed packages land: `<root>/miniprogram/miniprogram_npm`. */
export const MINIPROGRAM_NPM_DIR = path.join(root, 'miniprogram', 'miniprogram_npm');

export interface BuildNpmResult {
  /** Packages that ship mini-program code (a `miniprogram` field), e.g. tdesign-miniprogram. */
  miniProgramPackNum: number;
  /** Plain npm packages bundled for the mini-program (dayjs, for TDesign; project code uses utils/shanghai-time.ts). */
  otherNpmPackNum: number;
  /** Warnings from miniprogram-ci, already printed. */
  warnings: string[];
}

/** Packs the root `dependencies` into `miniprogram/miniprogram_npm`; throws if nothing was packed. */
export async function buildMiniprogramNpm(): Promise<BuildNpmResult> {
  // Start empty: a package left over from an earlier build would hide one missing from dependencies.
  fs.rmSync(MINIPROGRAM_NPM_DIR, { recursive: true, force: true });
  const result = await ci.packNpmManually({
    packageJsonPath: path.join(root, 'package.json'),
    miniprogramNpmDistDir: path.join(root, 'miniprogram'),
  });
  const warnings = result.warnList.map((w) => `${w.jsPath}: ${w.msg}`);
  for (const w of warnings) console.warn(`[build-npm] ${w}`);
  if (result.miniProgramPackNum + result.otherNpmPackNum === 0) {
    throw new Error('build-npm: no package was packed; are tdesign-miniprogram and dayjs in dependencies?');
  }
  return {
    miniProgramPackNum: result.miniProgramPackNum,
    otherNpmPackNum: result.otherNpmPackNum,
    warnings,
  };
}

// `require` is cast because miniprogram-api-typings (in tsconfig.tools.json) redeclares it.
if ((require as unknown as NodeJS.Require).main === module) {
  const started = Date.now();
  buildMiniprogramNpm().then(
    (r) => {
      console.log(
        `[build-npm] packed ${r.miniProgramPackNum} mini-program package(s) and ${r.otherNpmPackNum} npm package(s) into ${path.relative(root, MINIPROGRAM_NPM_DIR)} in ${Date.now() - started} ms`,
      );
    },
    (err: unknown) => {
      console.error('[build-npm] failed:', err);
      process.exit(1);
    },
  );
}

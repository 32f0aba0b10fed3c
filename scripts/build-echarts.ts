/**
 * Bundles the custom ECharts (scripts/echarts-entry.ts) for the admin subpackage: one minified
 * CommonJS file the chart component requires. Generated on every build, never committed.
 */
import { build } from 'esbuild';
import { statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '..');
export const ECHARTS_OUT = path.join(root, 'miniprogram/pages-admin/components/chart/echarts.js');

export async function buildEcharts(): Promise<number> {
  await build({
    entryPoints: [path.join(root, 'scripts/echarts-entry.ts')],
    outfile: ECHARTS_OUT,
    bundle: true,
    minify: true,
    format: 'cjs',
    platform: 'neutral',
    mainFields: ['module', 'main'],
    // The mini-program's JavaScript engine on older phones.
    target: 'es2017',
    // No \`process\` in the mini-program: ECharts' development checks are compiled out.
    define: { 'process.env.NODE_ENV': '"production"', __DEV__: 'false' },
    legalComments: 'none',
    logLevel: 'warning',
  });
  return statSync(ECHARTS_OUT).size;
}

if (require.main === module) {
  buildEcharts().then(
    (bytes) => console.log(`ECharts (custom build) ${(bytes / 1024).toFixed(0)} KB`),
    (err) => {
      console.error(err);
      process.exit(1);
    },
  );
}

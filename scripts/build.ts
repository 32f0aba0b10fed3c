import { buildFunctions } from './build-functions';
import { buildEcharts } from './build-echarts';
import { buildMiniprogramNpm } from './build-npm';

/** `npm run build`: bundle every cloud function, then build npm for the mini-program. */
async function main(): Promise<void> {
  const args = new Set(process.argv.slice(2));
  const all = !args.has('--functions') && !args.has('--npm');
  if (all || args.has('--functions')) {
    const built = await buildFunctions();
    console.log(`云函数打包完成：${built.map((b) => `${b.name} ${(b.bytes / 1024).toFixed(0)} KB`).join('，')}`);
  }
  if (all || args.has('--npm')) {
    await buildMiniprogramNpm();
    const echarts = await buildEcharts();
    console.log(
      `小程序 npm 构建完成：miniprogram/miniprogram_npm；管理分包 ECharts（定制）${(echarts / 1024).toFixed(0)} KB`,
    );
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

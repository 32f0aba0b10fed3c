import * as tcb from '@cloudbase/node-sdk';
import path from 'node:path';
import { buildFunctions } from './build-functions';
import { startLocalCloud } from '../emulator/server';
import { seedDemoWorld } from '../emulator/seed/demo-world';
import { DEMO_PEOPLE, DEMO_SUPER_ADMINS } from '../emulator/seed/demo-people';
import { startTimerTriggers, timerTriggersOf } from '../emulator/timer-triggers';

/** `npm start`: build the functions, start the local CloudBase, seed demo data, print how to use it. */
interface StartOptions {
  port: number;
  dataDir: string;
  memory: boolean;
  build: boolean;
}

function parseOptions(argv: string[]): StartOptions {
  const opts: StartOptions = {
    port: Number(process.env.PORT ?? 3000),
    dataDir: process.env.LOCAL_DATA_DIR ?? '.data',
    memory: process.env.LOCAL_MEMORY === '1',
    build: true,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--memory') opts.memory = true;
    else if (arg === '--no-build') opts.build = false;
    else if (arg === '--port') opts.port = Number(argv[++i]);
    else if (arg === '--data') opts.dataDir = argv[++i] ?? opts.dataDir;
    else throw new Error(`未知参数：${arg}（可用：--port N --data DIR --memory --no-build）`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error(`端口无效：${opts.port}`);
  return opts;
}

async function main(): Promise<void> {
  const opts = parseOptions(process.argv.slice(2));
  const root = path.resolve(__dirname, '..');
  if (opts.build) await buildFunctions();
  const cloud = await startLocalCloud({
    functionsDir: path.join(root, 'cloudfunctions'),
    port: opts.port,
    dataDir: path.resolve(root, opts.dataDir),
    memory: opts.memory,
    superAdminOpenids: DEMO_SUPER_ADMINS,
  });
  const app = tcb.init({ env: cloud.envId, secretId: 'local', secretKey: 'local', serviceUrl: cloud.adminUrl });
  const { seeded, activity, history } = await seedDemoWorld(app.database(), cloud.functions);
  // The platform fires timer triggers; locally the host does, on the schedule cloudbaserc.json gives.
  const triggers = timerTriggersOf(path.join(root, 'cloudbaserc.json'));
  const stopTimers = startTimerTriggers(triggers, (name, event) => cloud.functions.invoke(name, event));

  const lines = [
    '',
    '流动先锋 本地云开发已启动',
    `  数据库接口（@cloudbase/node-sdk serviceUrl）：${cloud.adminUrl}`,
    `  云函数：${cloud.url}/functions/<函数名>（请求头 x-wx-openid 指定调用者）`,
    `  数据：${opts.memory ? '内存（退出即清空）' : path.resolve(root, opts.dataDir)}`,
    `  演示数据：${seeded.map((s) => `${s.collection} 新增 ${s.created}、已有 ${s.existing}`).join('；')}`,
    `  演示活动：新发布学习活动 ${activity.sessions} 场，确认党费基数 ${activity.duesProfiles} 人`,
    history
      ? `  组织部工作台演示历史：${history.members} 名党员、${history.sessions} 场活动、${history.attendance} 条出勤、${history.duesMonths} 条党费记录、${history.ledger} 条积分，已按月汇总 ${history.monthsClosed} 个月并出具报表`
      : '  组织部工作台演示历史：已有',
    `  定时触发器：${triggers.map((t) => `${t.functionName}（${t.everyMs ? `每 ${t.everyMs / 60_000} 分钟` : '需手动触发'}）`).join('，') || '无'}`,
    '',
    '演示身份（openid）：',
    ...DEMO_PEOPLE.map((p) => `  ${p.openid.padEnd(22)}${p.name} · ${p.label}`),
    '',
    '试一试：',
    `  curl -s -X POST ${cloud.url}/functions/user -H 'content-type: application/json' -H 'x-wx-openid: demo-secretary' -d '{"action":"whoami"}'`,
    '',
  ];
  console.log(lines.join('\n'));

  const stop = async () => {
    stopTimers();
    await cloud.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

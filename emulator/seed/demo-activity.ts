import type { FunctionHost } from '../function-host';
import type { Reply } from '../../typings/reply';

/** The Shanghai calendar day `days` from now at hh:mm, as ISO 8601 with the +08:00 offset. */
function shanghaiAt(days: number, hhmm: string): string {
  const day = new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
  return `${day}T${hhmm}:00+08:00`;
}

async function call<T>(host: FunctionHost, name: string, openid: string, event: Record<string, unknown>): Promise<T> {
  const { reply } = await host.invoke(name, event, { openid });
  const r = reply as Reply<T>;
  if (!r.ok)
    throw new Error(`demo seed: ${name}.${String(event.action)} as ${openid}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

/**
 * Demo activity made the way people make it, through the functions as the demo identities, so it
 * obeys every rule: two upcoming sessions of the demo branch, and the demo member's confirmed dues
 * base. Runs only when the demo branch has no upcoming session and the member no dues profile.
 */
export async function seedDemoActivity(host: FunctionHost): Promise<{ sessions: number; duesProfiles: number }> {
  let sessions = 0;
  let duesProfiles = 0;
  const upcoming = await call<{ items: unknown[] }>(host, 'sessions', 'demo-secretary', {
    action: 'managed',
    tab: 'upcoming',
  });
  if (upcoming.items.length === 0) {
    const audience = { type: 'branch', orgId: 'xm-siming-mobile' };
    const place = { type: 'station', stationId: 'xm-siming-station' };
    await call(host, 'sessions', 'demo-secretary', {
      action: 'publish',
      requestId: 'demo-theme-day',
      kind: 'theme_day',
      title: '主题党日：学习新修订的《中国共产党纪律处分条例》（演示）',
      agenda: '一、集中学习；二、交流发言；三、志愿服务安排',
      startAt: shanghaiAt(3, '19:30'),
      endAt: shanghaiAt(3, '21:00'),
      place,
      capacity: 40,
      audience,
    });
    await call(host, 'sessions', 'demo-secretary', {
      action: 'publish',
      requestId: 'demo-lecture',
      kind: 'lecture',
      title: '党课：新就业群体党员如何发挥作用（演示）',
      startAt: shanghaiAt(10, '19:30'),
      endAt: shanghaiAt(10, '21:00'),
      place,
      audience,
    });
    sessions = 2;
  }
  const dues = await call<{ profile: unknown }>(host, 'dues', 'demo-member', { action: 'myDues' });
  if (!dues.profile) {
    const month = shanghaiAt(0, '00:00').slice(0, 7);
    await call(host, 'dues', 'demo-member', {
      action: 'declareBase',
      category: 'salaried',
      baseFen: 650_000,
      note: '演示：每月税后工资',
      effectiveMonth: month,
    });
    const pending = await call<{ items: { memberId: string; declaration: { id: string } }[] }>(
      host,
      'dues',
      'demo-secretary',
      { action: 'pendingBases', branchId: 'xm-siming-mobile' },
    );
    for (const row of pending.items.filter((r) => r.memberId === 'm_demo-member')) {
      await call(host, 'dues', 'demo-secretary', {
        action: 'reviewBase',
        memberId: row.memberId,
        declarationId: row.declaration.id,
        decision: 'confirm',
      });
      duesProfiles += 1;
    }
  }
  return { sessions, duesProfiles };
}

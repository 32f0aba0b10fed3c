import { startTestCloud } from '../tests/helpers/local-cloud';
import { aRegistration } from '../tests/helpers/registration';

/** Database round trips of the member actions, at 10 and at 1,000 registered members: they must not grow. */
export async function benchMemberRoundTrips(): Promise<void> {
  const t = await startTestCloud();
  try {
    const rows: Record<string, string | number>[] = [];
    let n = 0;
    const measure = async (label: string) => {
      const openid = `o-bench-${++n}`;
      const reg = await t.call('member', 'register', aRegistration(), openid);
      if (!reg.reply.ok) throw new Error(reg.reply.error.message);
      const memberId = reg.reply.data.memberId;
      const queue = await t.call('member', 'pendingQueue', {}, 'demo-secretary');
      const sugg = await t.call('member', 'suggestions', { memberId }, 'demo-secretary');
      const assign = await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-secretary');
      const me = await t.call('member', 'me', {}, openid);
      rows.push({
        members: label,
        register: reg.roundTrips,
        pendingQueue: queue.roundTrips,
        suggestions: sugg.roundTrips,
        assign: assign.roundTrips,
        me: me.roundTrips,
      });
    };
    for (let i = 0; i < 10; i++) await t.call('member', 'register', aRegistration(), `o-fill-${i}`);
    await measure('10');
    for (let i = 0; i < 990; i += 30) {
      await Promise.all(
        Array.from({ length: Math.min(30, 990 - i) }, (_, j) =>
          t.call('member', 'register', aRegistration(), `o-fill-b${i + j}`),
        ),
      );
    }
    await measure('1,000');
    console.log('\nMember actions: database round trips per call (emulator counter)');
    console.table(rows);
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  process.env.TZ = 'Asia/Shanghai';
  benchMemberRoundTrips().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

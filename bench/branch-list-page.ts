import { startTestCloud } from '../tests/helpers/local-cloud';
import { membersIn } from '../tests/helpers/sessions';

const BRANCH = 'xm-huli-mobile';
const MEMBERS = 2_000;

/**
 * A branch list of 2,000 members, 20 a page: documents the emulator decoded for the page read,
 * round trips of the call and its time, on page 1 and page 10, filtered by state and not.
 */
export async function benchBranchListPage(): Promise<void> {
  const t = await startTestCloud();
  try {
    await membersIn(t, MEMBERS, { branchId: BRANCH });
    const rows: Record<string, string | number>[] = [];
    for (const state of ['active', undefined] as const) {
      let cursor: string | undefined;
      for (let page = 1; page <= 10; page++) {
        const started = performance.now();
        const { reply, roundTrips } = await t.call(
          'member',
          'branchMembers',
          { branchId: BRANCH, limit: 20, ...(state ? { state } : {}), ...(cursor ? { cursor } : {}) },
          'demo-secretary-huli',
        );
        const ms = performance.now() - started;
        if (!reply.ok) throw new Error(reply.error.message);
        const trace = t.cloud.database.stats().lastQuery!;
        if (page === 1 || page === 10) {
          rows.push({
            filter: state ? `state=${state}` : 'all',
            page,
            shown: reply.data.items.length,
            decoded: trace.decoded,
            index: trace.index ?? '(scan)',
            roundTrips,
            ms: Number(ms.toFixed(1)),
          });
        }
        cursor = reply.data.nextCursor ?? undefined;
      }
    }
    console.log(`\nBranch member list, ${MEMBERS.toLocaleString('en')} members, 20 a page (emulator counters)`);
    console.table(rows);
  } finally {
    await t.close();
  }
}

if (require.main === module) {
  process.env.TZ = 'Asia/Shanghai';
  benchBranchListPage().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}

import { benchBranchListPage } from './branch-list-page';
import { benchCheckinBurst } from './checkin-burst';
import { benchDesk } from './desk';
import { benchEmulatorQuery } from './emulator-query';
import { benchFunctionCalls } from './function-calls';
import { benchMemberRoundTrips } from './member-round-trips';
import { benchPointsRanking } from './points-ranking';

/** `npm run bench`: every benchmark in turn; figures printed, nothing asserted about time. */
async function main(): Promise<void> {
  process.env.TZ = 'Asia/Shanghai';
  await benchEmulatorQuery();
  await benchFunctionCalls();
  await benchMemberRoundTrips();
  await benchCheckinBurst();
  await benchPointsRanking();
  await benchBranchListPage();
  await benchDesk();
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});

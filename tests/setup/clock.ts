import { setShanghaiClock } from '../helpers/clock';

// `TEST_SHANGHAI_TIME=00:30 npx jest tests/server/dues` runs any suite as if it were that time of
// day in Asia/Shanghai (optionally `TEST_SHANGHAI_DAY=YYYY-MM-DD`).
const time = process.env.TEST_SHANGHAI_TIME;
if (time) setShanghaiClock(time, process.env.TEST_SHANGHAI_DAY || undefined);

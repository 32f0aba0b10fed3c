/**
 * Everything the demo needs, in order: the organisation tree and people, their activity made
 * through the functions, and six months of desk history. `npm start` and the preview both start
 * from it; each step skips what is already there.
 */
import type { Database } from '../../server/platform/cloudbase';
import type { FunctionHost } from '../function-host';
import { seedDemo } from './index';
import { seedDemoActivity } from './demo-activity';
import { seedDemoHistory } from './demo-history';

export async function seedDemoWorld(db: Database, functions: FunctionHost) {
  const seeded = await seedDemo(db);
  const activity = await seedDemoActivity(functions);
  const history = await seedDemoHistory(db, functions);
  return { seeded, activity, history };
}

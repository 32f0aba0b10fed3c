import { defineFunction } from '../platform/dispatch';
import { checkIn, checkinCode } from '../sessions/checkin';
import { history } from '../sessions/history';
import { ackUpdate, detail, list, managed, updates } from '../sessions/lists';
import { askLeave, cancelSignUp, signUp } from '../sessions/participation';
import { cancel, publish, update } from '../sessions/publish';
import { mark, roster } from '../sessions/roster';
import { cadence, nodeStats } from '../sessions/stats';

/**
 * Cloud function `sessions`: study sessions and volunteer activities, sign-up, check-in, attendance
 * and cadence. The `jobs` timer finishes attendance awards a failed call left pending.
 */
export const main = defineFunction('sessions', {
  publish,
  update,
  cancel,
  list,
  managed,
  detail,
  signUp,
  cancelSignUp,
  askLeave,
  checkinCode,
  checkIn,
  roster,
  mark,
  history,
  cadence,
  nodeStats,
  updates,
  ackUpdate,
});

import { approveClaim, claim, myClaims, pendingClaims, rejectClaim, submitClaim } from '../points/claims-handlers';
import { award, ledger, reverse, summary } from '../points/ledger-handlers';
import { ranking } from '../points/ranking';
import { reconcile } from '../points/reconcile';
import { ruleHistory, rules, saveRule } from '../points/rules-handlers';
import { defineFunction } from '../platform/dispatch';

/** Cloud function `points`: the 积分管理清单, the ledger and totals, claims and approval, rankings. */
export const main = defineFunction('points', {
  summary,
  ledger,
  rules,
  saveRule,
  ruleHistory,
  submitClaim,
  myClaims,
  pendingClaims,
  claim,
  approveClaim,
  rejectClaim,
  award,
  reverse,
  ranking,
  reconcile,
});

import { assign, changeState, pair, refer, sendBack, suggestions } from '../members/assignment';
import { importRows } from '../members/imports';
import { branchMembers, detail, pendingQueue, reveal } from '../members/lists';
import { register } from '../members/register';
import { me, updateContact, verifyCertificate } from '../members/self-service';
import { defineFunction } from '../platform/dispatch';

/** Cloud function `member`: registration, the member's page, the secretary's work and certificates. */
export const main = defineFunction('member', {
  register,
  me,
  updateContact,
  pendingQueue,
  branchMembers,
  detail,
  reveal,
  suggestions,
  assign,
  sendBack,
  refer,
  changeState,
  pair,
  importRows,
  verifyCertificate,
});

/** The member's own dues: a quote before anything is saved, the dues page, and declaring a base. */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { MyDues } from '../../typings/areas/dues';
import {
  ARREARS_FOLLOW_UP,
  MAX_ARREARS_MONTHS,
  MAX_PREPAY_MONTHS,
  addMonths,
  compareMonths,
  monthOf,
} from '../domain/dues';
import { memberIdOf } from '../domain/ids';
import { _ } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument } from '../platform/errors';
import { labelled } from '../platform/validation';
import { needsBase, profileView, quoteView } from './amounts';
import type { DuesMonthDoc, DuesProfileDoc, StoredDeclaration } from './docs';
import { PAY_RULE, bandLabel, bandOf, paidThroughOf, payChoicesOf, unpaidMonthsOf } from './member-view';
import { HISTORY_MONTHS, ensureOwedMonths, monthView, readMemberMonths, windowStart } from './records';
import { categorySchema, fenSchema, monthSchema } from './schemas';
import { loadDuesMember, standingNote, type DuesMember } from './standing';
import { inTransaction } from '../platform/transaction';

/** What a base gives, and why: pure, no database. */
export const quote: Handler<'dues', 'quote'> = {
  input: z.object({
    category: categorySchema,
    baseFen: fenSchema('交纳基数').optional(),
    farmerAmountFen: fenSchema('每月交纳金额', 100).optional(),
  }),
  async run({ category, baseFen, farmerAmountFen }) {
    return quoteView(category, baseFen, farmerAmountFen);
  },
};

/** A member's dues and months, read together: four round trips in parallel. */
export async function loadMemberMonths(memberId: string, current: string) {
  const [dm, known] = await Promise.all([
    loadDuesMember(memberId),
    readMemberMonths(memberId, addMonths(current, -HISTORY_MONTHS), addMonths(current, MAX_PREPAY_MONTHS)),
  ]);
  return { dm, known };
}

/** The dues page from what was read (and the records just created). */
export function buildMyDues(dm: DuesMember, known: Map<string, DuesMonthDoc>, current: string): MyDues {
  const base: MyDues = {
    standing: dm.standing,
    standingNote: standingNote(dm.standing),
    currentMonth: current,
    branchName: dm.member?.branchName ?? null,
    owesFrom: dm.owesFrom,
    profile: null,
    thisMonth: null,
    paidThrough: null,
    unpaid: [],
    unpaidFen: 0,
    olderArrears: [],
    band: 'none',
    bandLabel: bandLabel('none'),
    notice: null,
    todo: null,
    choices: [],
    payRule: PAY_RULE,
  };
  if (dm.standing !== 'owes_here') return base;
  const start = windowStart(dm, current);
  const unpaid = unpaidMonthsOf(known, current);
  const inWindow = unpaid.filter((m) => compareMonths(m, start) >= 0).map((m) => monthView(known.get(m)!));
  const { band } = bandOf(known, current);
  const followUp = ARREARS_FOLLOW_UP[band];
  const thisMonth = known.get(current);
  return {
    ...base,
    profile: profileView(dm.profile, current),
    thisMonth: thisMonth ? monthView(thisMonth) : null,
    paidThrough: paidThroughOf(dm, known, current),
    unpaid: inWindow,
    unpaidFen: inWindow.reduce((sum, m) => sum + m.amountFen, 0),
    olderArrears: unpaid.filter((m) => compareMonths(m, start) < 0),
    band,
    bandLabel: followUp.label,
    notice: followUp.memberNotice,
    todo: followUp.memberTodo,
    choices: payChoicesOf(dm, known, current),
  };
}

async function myDuesOf(openid: string): Promise<MyDues> {
  const now = new Date();
  const current = monthOf(now);
  const { dm, known } = await loadMemberMonths(memberIdOf(openid), current);
  const all = await ensureOwedMonths(dm, current, known, now);
  return buildMyDues(dm, all, current);
}

/** The member's dues page; creates this month's record and the payable window's when missing. */
export const myDues: Handler<'dues', 'myDues'> = {
  input: z.object({}),
  run: (_input, { caller }) => myDuesOf(caller.openid),
};

const sameDeclaration = (
  d: StoredDeclaration,
  c: Pick<StoredDeclaration, 'category' | 'baseFen' | 'note' | 'effectiveMonth'>,
) => d.category === c.category && d.baseFen === c.baseFen && d.note === c.note && d.effectiveMonth === c.effectiveMonth;

/**
 * The member declares a category and base, effective from a month (at most 6 back or ahead). A new
 * declaration replaces one still waiting (kept in the history as superseded); the branch confirms.
 * Sending the same declaration again changes nothing.
 */
export const declareBase: Handler<'dues', 'declareBase'> = {
  input: z.object({
    category: categorySchema,
    baseFen: fenSchema('交纳基数').optional(),
    note: labelled(z.string().trim().max(200), '说明'),
    effectiveMonth: monthSchema('生效月份'),
  }),
  async run({ category, baseFen, note, effectiveMonth }, { caller }) {
    const now = new Date();
    const current = monthOf(now);
    const memberId = memberIdOf(caller.openid);
    if (needsBase(category) && baseFen === undefined)
      throw invalidArgument('请填写交纳基数（每月收入，单位：分）', 'baseFen');
    const declaredBase = needsBase(category) ? (baseFen ?? null) : null;
    // A base that the rules refuse (over the ceiling…) is refused now, with the reason.
    if (declaredBase !== null) quoteView(category, declaredBase);
    if (
      compareMonths(effectiveMonth, addMonths(current, -MAX_ARREARS_MONTHS)) < 0 ||
      compareMonths(effectiveMonth, addMonths(current, MAX_PREPAY_MONTHS)) > 0
    ) {
      throw invalidArgument(
        `生效月份应在 ${addMonths(current, -MAX_ARREARS_MONTHS)} 至 ${addMonths(current, MAX_PREPAY_MONTHS)} 之间`,
        'effectiveMonth',
      );
    }
    const dm = await loadDuesMember(memberId);
    if (dm.standing !== 'owes_here' || !dm.member) throw failedPrecondition(standingNote(dm.standing));
    const member = dm.member;
    const fields = { category, baseFen: declaredBase, note, effectiveMonth };

    await inTransaction(async (tx) => {
      const got = (await tx.collection(COLLECTIONS.duesProfiles).doc(memberId).get()) as {
        data: DuesProfileDoc | null;
      };
      const declarations = got.data?.declarations ?? [];
      const pending = declarations.find((d) => d.status === 'pending');
      if (pending && sameDeclaration(pending, fields)) return;
      const next: StoredDeclaration[] = [
        ...declarations.map((d) => (d.status === 'pending' ? { ...d, status: 'superseded' as const } : d)),
        {
          id: `d${declarations.length + 1}`,
          ...fields,
          declaredAt: now,
          declaredBy: caller.openid,
          status: 'pending',
          review: null,
        },
      ];
      const place = { memberName: member.name, branchId: member.branchId, orgPath: member.orgPath };
      if (got.data) {
        await tx
          .collection(COLLECTIONS.duesProfiles)
          .doc(memberId)
          .update({
            ...place,
            orgPath: _.set(member.orgPath),
            declarations: _.set(next),
            hasPending: true,
            updatedAt: now,
          });
      } else {
        const profile: Omit<DuesProfileDoc, '_id'> = {
          memberId,
          ...place,
          declarations: next,
          hasPending: true,
          reliefs: [],
          updatedAt: now,
        };
        await tx.collection(COLLECTIONS.duesProfiles).doc(memberId).set(profile);
      }
    });
    return myDuesOf(caller.openid);
  },
};

/**
 * Cash and bank-transfer payments the secretary records with the paper receipt's number, and their
 * corrections. A receipt number is used once per branch (it is part of the payment's id); a
 * correction is a reversal record appended next to the payment, which is never edited. Months are
 * changed inside the same transaction as the record, on the same per-member-month documents the
 * WeChat callback uses, so an offline payment and a WeChat payment cannot both pay one month.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import { instantOfDay, shanghaiDay } from '../domain/shanghai-day';
import { MAX_PREPAY_MONTHS, addMonths, compareMonths, formatFen, monthOf } from '../domain/dues';
import { loadAccess, refuseOwnRecord, requireBranchManager } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _ } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { alreadyExists, conflict, failedPrecondition, invalidArgument, notFound } from '../platform/errors';
import { daySchema, labelled } from '../platform/validation';
import { amountForMonth } from './amounts';
import {
  monthDocId,
  offlinePaymentId,
  reversalId,
  type DuesMonthDoc,
  type DuesPaymentDoc,
  type MonthPayment,
} from './docs';
import { loadMemberMonths } from './my-dues';
import { awardOnTimePoints } from './points';
import { findPayment, receiptView } from './receipts';
import { UNPAID_STATES } from './records';
import { memberIdSchema, monthSchema, reasonSchema } from './schemas';
import { callerName, requireMemberManager } from './secretary';
import { isOnTime } from './settle';
import { standingNote } from './standing';
import { inTransaction } from '../platform/transaction';

export const CHANNEL_LABELS = { cash: '现金', bank_transfer: '银行转账' } as const;

const sameMonths = (a: { month: string; amountFen: number }[], b: { month: string; amountFen: number }[]) =>
  JSON.stringify(a) === JSON.stringify(b);

/** Record a cash or bank-transfer payment for months the member owes (or up to 6 ahead). */
export const recordOffline: Handler<'dues', 'recordOffline'> = {
  input: z.object({
    memberId: memberIdSchema,
    months: labelled(z.array(monthSchema('月份')).min(1, '请选择收款的月份').max(36), '收款月份'),
    channel: labelled(z.enum(['cash', 'bank_transfer']), '收款方式'),
    receiptNo: labelled(
      z
        .string()
        .trim()
        .regex(/^[0-9A-Za-z][0-9A-Za-z._-]{0,31}$/, '只能填写字母、数字和 . _ -，最多 32 位'),
      '收据编号',
    ),
    totalFen: labelled(z.number().int('须为以“分”为单位的整数').positive('须大于 0'), '收款金额'),
    paidOn: daySchema('收款日期'),
    note: labelled(z.string().trim().max(200), '备注').optional(),
  }),
  async run(input, { caller }) {
    const now = new Date();
    const current = monthOf(now);
    if (input.paidOn > shanghaiDay(now)) throw invalidArgument('收款日期不能晚于今天', 'paidOn');
    // Received today: dated now; on a past day: noon of that day. Never after the recording.
    const paidAt = instantOfDay(input.paidOn, now);
    const months = [...input.months].sort(compareMonths);
    const dup = months.find((m, i) => i > 0 && months[i - 1] === m);
    if (dup) throw invalidArgument(`${dup} 重复选择`, 'months');

    const [access, { dm, known }, name] = await Promise.all([
      loadAccess(caller),
      loadMemberMonths(input.memberId, current),
      callerName(caller.openid),
    ]);
    const member = requireMemberManager(access, dm.member);
    refuseOwnRecord(caller, member._id, '不能登记本人的党费，请由其他负责人办理');
    if (dm.standing !== 'owes_here') throw failedPrecondition(`该党员不在本地交纳党费：${standingNote(dm.standing)}`);

    const paymentId = offlinePaymentId(member.branchId!, input.receiptNo);
    // The same receipt sent again (a double tap, a retry after a lost reply) is the same payment.
    if (months.every((m) => known.get(m)?.payment?.paymentId === paymentId)) {
      const same = await findPayment(paymentId);
      if (same && same.kind === 'payment') return receiptView(same, false);
    }

    // Each month: owed and unpaid now, or ahead within the prepayment limit and not paid.
    const lines = months.map((month) => {
      const rec = known.get(month);
      if (compareMonths(month, current) <= 0) {
        if (!rec) throw invalidArgument(`${month} 没有应交的党费记录`, 'months');
        if (!(UNPAID_STATES as readonly string[]).includes(rec.state)) {
          throw invalidArgument(`${month} ${rec.state === 'paid' ? '已经交纳' : '已免交'}`, 'months');
        }
        return { month, amountFen: rec.amountFen, standardFen: rec.standardFen, relief: rec.relief, exists: true };
      }
      if (compareMonths(month, addMonths(current, MAX_PREPAY_MONTHS)) > 0) {
        throw invalidArgument(
          `预交党费最多预交 ${MAX_PREPAY_MONTHS} 个月，最晚可预交至 ${addMonths(current, MAX_PREPAY_MONTHS)}`,
          'months',
        );
      }
      if (rec && rec.state === 'paid') throw invalidArgument(`${month} 已经交纳`, 'months');
      const amount = rec ?? amountForMonth(dm.profile, month);
      if (!amount || amount.amountFen <= 0) throw invalidArgument(`${month} 没有应交的党费`, 'months');
      return {
        month,
        amountFen: amount.amountFen,
        standardFen: amount.standardFen,
        relief: amount.relief,
        exists: !!rec,
      };
    });
    const totalFen = lines.reduce((sum, l) => sum + l.amountFen, 0);
    if (totalFen !== input.totalFen) {
      throw invalidArgument(`收款金额与所选月份的应交合计不符：应为 ${formatFen(totalFen)} 元`, 'totalFen');
    }

    const receipt: Omit<DuesPaymentDoc, '_id'> = {
      kind: 'payment',
      memberId: member._id,
      memberName: member.name,
      branchId: member.branchId!,
      orgPath: member.orgPath,
      channel: input.channel,
      receiptNo: input.receiptNo,
      months: lines.map((l) => ({ month: l.month, amountFen: l.amountFen })),
      totalFen,
      paidAt,
      paidOn: input.paidOn,
      recordedAt: now,
      recordedBy: caller.openid,
      recordedByName: name,
      orderId: null,
      transactionId: null,
      reverses: null,
      note: input.note || null,
    };

    const outcome = await inTransaction(async (tx) => {
      const existing = (await tx.collection(COLLECTIONS.duesPayments).doc(paymentId).get()) as {
        data: DuesPaymentDoc | null;
      };
      if (existing.data) {
        const reversed = (await tx.collection(COLLECTIONS.duesPayments).doc(reversalId(paymentId)).get()) as {
          data: DuesPaymentDoc | null;
        };
        if (reversed.data) throw alreadyExists(`收据编号 ${input.receiptNo} 已登记并已冲正，请使用新的收据编号`);
        // The same receipt sent again (a double tap, a retry) is the same payment.
        if (existing.data.memberId === member._id && sameMonths(existing.data.months, receipt.months)) {
          return { doc: { ...existing.data, _id: paymentId }, created: false };
        }
        throw alreadyExists(`收据编号 ${input.receiptNo} 已经登记过，请核对收据编号`);
      }
      const recs = await Promise.all(
        lines.map(async (l) => {
          const res = (await tx.collection(COLLECTIONS.duesMonths).doc(monthDocId(member._id, l.month)).get()) as {
            data: DuesMonthDoc | null;
          };
          return res.data;
        }),
      );
      lines.forEach((l, i) => {
        const rec = recs[i];
        if (rec?.state === 'paid') throw conflict(`${l.month} 的党费刚刚已经交纳，请刷新后再试`);
        if (rec && rec.amountFen !== l.amountFen) throw conflict(`${l.month} 的应交金额刚刚有调整，请刷新后再试`);
      });
      const payment: MonthPayment = {
        paymentId,
        channel: input.channel,
        receiptNo: input.receiptNo,
        paidAt,
        orderId: null,
      };
      await Promise.all(
        lines.map(async (l, i) => {
          const onTime = isOnTime(l.month, paidAt);
          const event = {
            at: now,
            event: 'paid' as const,
            by: caller.openid,
            detail: `${CHANNEL_LABELS[input.channel]} ${input.receiptNo}`,
          };
          const ref = tx.collection(COLLECTIONS.duesMonths).doc(monthDocId(member._id, l.month));
          if (recs[i]) {
            await ref.update({
              state: 'paid',
              payment: _.set(payment),
              onTime,
              updatedAt: now,
              history: _.push([event]),
            });
            return;
          }
          const body: Omit<DuesMonthDoc, '_id'> = {
            memberId: member._id,
            memberName: member.name,
            branchId: member.branchId!,
            orgPath: member.orgPath,
            month: l.month,
            standardFen: l.standardFen,
            amountFen: l.amountFen,
            state: 'paid',
            relief: l.relief,
            payment,
            onTime,
            createdBy: 'payment',
            createdAt: now,
            updatedAt: now,
            history: [{ ...event, event: 'created' as const }, event],
          };
          await ref.set(body);
        }),
      );
      await tx.collection(COLLECTIONS.duesPayments).doc(paymentId).set(receipt);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'dues.offline.record',
          target: { collection: COLLECTIONS.duesPayments, id: paymentId },
          before: null,
          after: {
            memberId: member._id,
            months: receipt.months,
            totalFen,
            channel: input.channel,
            receiptNo: input.receiptNo,
          },
        },
        tx,
      );
      return { doc: { ...receipt, _id: paymentId }, created: true };
    });
    if (outcome.created) {
      const onTime = outcome.doc.months.map((m) => m.month).filter((m) => isOnTime(m, paidAt));
      await awardOnTimePoints(member._id, onTime, paidAt, caller.openid);
    }
    return receiptView(outcome.doc, false);
  },
};

/**
 * Cancel an offline payment entered by mistake: a reversal record (negative total, the reason) is
 * appended and the months owe again. WeChat payments are refunded through WeChat Pay, not here.
 */
export const reverseOffline: Handler<'dues', 'reverseOffline'> = {
  input: z.object({
    paymentId: labelled(z.string().trim().min(1).max(200), '收款记录'),
    reason: reasonSchema('冲正原因'),
  }),
  async run({ paymentId, reason }, { caller }) {
    const now = new Date();
    const [access, payment, name] = await Promise.all([
      loadAccess(caller),
      findPayment(paymentId),
      callerName(caller.openid),
    ]);
    if (!payment) throw notFound('没有找到这笔收款记录');
    requireBranchManager(access, { id: payment.branchId, ancestors: payment.orgPath.slice(0, -1) });
    refuseOwnRecord(caller, payment.memberId, '不能冲正本人的党费，请由其他负责人办理');
    if (payment.kind !== 'payment') throw failedPrecondition('冲正记录不能再冲正');
    if (payment.channel === 'wxpay')
      throw failedPrecondition('微信支付的党费不能在这里冲正，如需退款请通过微信支付商户平台办理。');

    const revId = reversalId(paymentId);
    const reversal: Omit<DuesPaymentDoc, '_id'> = {
      ...payment,
      kind: 'reversal',
      totalFen: -payment.totalFen,
      paidAt: now,
      paidOn: shanghaiDay(now),
      recordedAt: now,
      recordedBy: caller.openid,
      recordedByName: name,
      reverses: paymentId,
      note: reason,
    };
    delete (reversal as Partial<DuesPaymentDoc>)._id;
    const doc = await inTransaction(async (tx) => {
      const existing = (await tx.collection(COLLECTIONS.duesPayments).doc(revId).get()) as {
        data: DuesPaymentDoc | null;
      };
      if (existing.data) return { ...existing.data, _id: revId };
      const recs = await Promise.all(
        payment.months.map(async (m) => {
          const res = (await tx
            .collection(COLLECTIONS.duesMonths)
            .doc(monthDocId(payment.memberId, m.month))
            .get()) as { data: DuesMonthDoc | null };
          return res.data;
        }),
      );
      await Promise.all(
        payment.months.map(async (m, i) => {
          const rec = recs[i];
          // Only months this payment paid go back to owing.
          if (!rec || rec.payment?.paymentId !== paymentId) return;
          const state = rec.relief?.kind === 'waive' ? 'waived' : rec.relief?.kind === 'reduce' ? 'reduced' : 'due';
          await tx
            .collection(COLLECTIONS.duesMonths)
            .doc(monthDocId(payment.memberId, m.month))
            .update({
              state,
              payment: null,
              onTime: null,
              updatedAt: now,
              history: _.push([
                { at: now, event: 'reversed', by: caller.openid, detail: `${payment.receiptNo}：${reason}` },
              ]),
            });
        }),
      );
      await tx.collection(COLLECTIONS.duesPayments).doc(revId).set(reversal);
      await writeAudit(
        {
          actor: caller.openid,
          action: 'dues.offline.reverse',
          target: { collection: COLLECTIONS.duesPayments, id: paymentId },
          before: { months: payment.months, totalFen: payment.totalFen },
          after: { reversal: revId },
          reason,
        },
        tx,
      );
      return { ...reversal, _id: revId };
    });
    return receiptView(doc, false);
  },
};

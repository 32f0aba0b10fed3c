/**
 * Monthly records: one per member and month, created by the timer trigger and on demand,
 * idempotently; who owes here (certificate), from when (assignment, admission of probationary
 * members); who is shown as paying at home.
 */
import { COLLECTIONS } from '../../../database/collections';
import { seedPointsRules } from '../../../emulator/seed/points-rules';
import { monthDocId } from '../../../server/dues/docs';
import {
  aConfirmedBase,
  aMemberWhoOwesHere,
  monthsAgo,
  storedMonth,
  storedMonths,
  thisMonth,
} from '../../helpers/dues';
import { forgetRun, jobsTimerEvent, outcomeOf, tickJobs } from '../../helpers/jobs';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
  await seedPointsRules(t.db);
});
afterAll(() => t.close());

const JOB = 'dues.month-records';
const monthCount = async (month: string) =>
  (await t.db.collection(COLLECTIONS.duesMonths).where({ month }).count()).total;

describe('the monthly job (run by the jobs timer)', () => {
  it('creates this month’s record for each member who owes here, once', async () => {
    const a = await aMemberWhoOwesHere(t, { name: '甲' });
    const b = await aMemberWhoOwesHere(t, { name: '乙', branchId: 'xm-huli-mobile' });
    const noBase = await aMemberWhoOwesHere(t, { name: '丙' });
    const home = await aMemberWhoOwesHere(t, { name: '丁' });
    await aConfirmedBase(t, a, { baseFen: 400_000, effectiveMonth: thisMonth() });
    await aConfirmedBase(t, b, { category: 'student', effectiveMonth: thisMonth() });
    await aConfirmedBase(t, home, { effectiveMonth: thisMonth() });
    await t.db.collection(COLLECTIONS.certificates).doc(`cert_${home.memberId}`).update({ paysDuesHere: false });
    // Start from nothing: the confirmations created records on demand.
    await t.db.collection(COLLECTIONS.duesMonths).where({ month: thisMonth() }).remove();

    await forgetRun(t, JOB, thisMonth());
    const first = outcomeOf(await tickJobs(t), JOB, thisMonth());
    expect(first).toMatchObject({ outcome: 'ran', result: { month: thisMonth(), created: 2 } });
    expect(await storedMonth(t, a.memberId, thisMonth())).toMatchObject({
      amountFen: 4_000,
      state: 'due',
      createdBy: 'timer',
    });
    expect(await storedMonth(t, b.memberId, thisMonth())).toMatchObject({ amountFen: 20, branchId: 'xm-huli-mobile' });
    expect(await storedMonth(t, noBase.memberId, thisMonth())).toBeNull();
    expect(await storedMonth(t, home.memberId, thisMonth())).toBeNull();

    // The next tick finds this month's run done; run again anyway, it creates nothing more.
    expect(outcomeOf(await tickJobs(t), JOB, thisMonth())).toMatchObject({ outcome: 'skipped' });
    await forgetRun(t, JOB, thisMonth());
    const again = outcomeOf(await tickJobs(t), JOB, thisMonth());
    expect(again).toMatchObject({ outcome: 'ran', result: { created: 0, existing: 2 } });
    expect(await monthCount(thisMonth())).toBe(2);
  });

  it('never overwrites a record that exists (a month already paid stays paid)', async () => {
    const who = await aMemberWhoOwesHere(t);
    await aConfirmedBase(t, who, { effectiveMonth: thisMonth() });
    await t.db.collection(COLLECTIONS.duesMonths).doc(monthDocId(who.memberId, thisMonth())).update({ state: 'paid' });
    await forgetRun(t, JOB, thisMonth());
    expect(outcomeOf(await tickJobs(t), JOB, thisMonth())).toMatchObject({ outcome: 'ran' });
    expect((await storedMonth(t, who.memberId, thisMonth()))!.state).toBe('paid');
  });

  it('a timer-shaped event sent by a WeChat user is not a timer', async () => {
    const before = await monthCount(thisMonth());
    await forgetRun(t, JOB, thisMonth());
    const reply = await t.callRaw('jobs', jobsTimerEvent(), 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT' } });
    expect(await monthCount(thisMonth())).toBe(before);
  });
});

describe('creating a month on demand', () => {
  it('the secretary creates the branch’s records for a month; again creates nothing', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(3), branchId: 'xm-huli-mobile' });
    await aConfirmedBase(t, who, { effectiveMonth: monthsAgo(3) }, 'demo-secretary-huli');
    await t.db.collection(COLLECTIONS.duesMonths).where({ memberId: who.memberId }).remove();
    const made = expectOk(
      (
        await t.call(
          'dues',
          'generateMonth',
          { branchId: 'xm-huli-mobile', month: monthsAgo(2) },
          'demo-secretary-huli',
        )
      ).reply,
    );
    expect(made).toMatchObject({ month: monthsAgo(2), created: 1 });
    const again = expectOk(
      (
        await t.call(
          'dues',
          'generateMonth',
          { branchId: 'xm-huli-mobile', month: monthsAgo(2) },
          'demo-secretary-huli',
        )
      ).reply,
    );
    expect(again).toMatchObject({ created: 0, existing: 1 });
    expect([...(await storedMonths(t, who.memberId)).keys()]).toEqual([monthsAgo(2)]);
  });

  it('refuses a month in the future or too far back, and another branch', async () => {
    const ahead = await t.call(
      'dues',
      'generateMonth',
      { branchId: 'xm-siming-mobile', month: '2999-01' },
      'demo-secretary',
    );
    expect(ahead.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'month' } });
    const other = await t.call('dues', 'generateMonth', { branchId: 'xm-siming-mobile' }, 'demo-secretary-huli');
    expect(other.reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
  });
});

describe('who owes here, and from when', () => {
  it('a probationary member owes from the month the branch assembly admitted them', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(5), probationaryFrom: monthsAgo(2) });
    await aConfirmedBase(t, who, { effectiveMonth: monthsAgo(6) });
    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(page.owesFrom).toBe(monthsAgo(2));
    expect(page.unpaid.map((m) => m.month)).toEqual([monthsAgo(2), monthsAgo(1), thisMonth()]);
    const early = await t.call('dues', 'pay', { months: [monthsAgo(3), monthsAgo(2)] }, who.openid);
    expect(!early.reply.ok && early.reply.error.message).toContain('预备党员从支部大会通过其为预备党员之月起交纳党费');
  });

  it('a full member owes from the month they were placed in a branch here', async () => {
    const who = await aMemberWhoOwesHere(t, { since: monthsAgo(1) });
    await aConfirmedBase(t, who, { effectiveMonth: monthsAgo(6) });
    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(page.owesFrom).toBe(monthsAgo(1));
    expect([...(await storedMonths(t, who.memberId)).keys()].sort()).toEqual([monthsAgo(1), thisMonth()]);
  });

  it('a member whose certificate does not say they pay here is shown as paying at home, with no records', async () => {
    const who = await aMemberWhoOwesHere(t);
    await t.db.collection(COLLECTIONS.certificates).doc(`cert_${who.memberId}`).update({ paysDuesHere: false });
    const page = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(page).toMatchObject({ standing: 'pays_at_home', thisMonth: null, choices: [], profile: null });
    expect(page.standingNote).toContain('流出地');
    const declare = await t.call(
      'dues',
      'declareBase',
      { category: 'student', note: '', effectiveMonth: thisMonth() },
      who.openid,
    );
    expect(declare.reply).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
    expect((await storedMonths(t, who.memberId)).size).toBe(0);
  });

  it('someone not registered, or no longer active here, is told so', async () => {
    const stranger = expectOk((await t.call('dues', 'myDues', {}, 'o-stranger')).reply);
    expect(stranger).toMatchObject({ standing: 'not_registered', choices: [] });
    const who = await aMemberWhoOwesHere(t);
    expectOk(
      (
        await t.call(
          'member',
          'changeState',
          { memberId: who.memberId, to: 'returned_home', reason: '已返乡' },
          'demo-secretary',
        )
      ).reply,
    );
    const gone = expectOk((await t.call('dues', 'myDues', {}, who.openid)).reply);
    expect(gone.standing).toBe('not_active');
  });
});

describe('the monthly job’s month', () => {
  it('never acts on a month later than the current one, whatever the event says', async () => {
    const who = await aMemberWhoOwesHere(t, { name: '戊' });
    await aConfirmedBase(t, who, { baseFen: 400_000, effectiveMonth: thisMonth() });
    await forgetRun(t, JOB, thisMonth());
    const outcomes = await tickJobs(t, '2031-06-01T01:00:00+08:00');
    expect(outcomeOf(outcomes, JOB, thisMonth())).toMatchObject({ outcome: 'ran', result: { month: thisMonth() } });
    expect(outcomes.some((o) => o.period.startsWith('2031'))).toBe(false);
    expect(await monthCount('2031-06')).toBe(0);
  });
});

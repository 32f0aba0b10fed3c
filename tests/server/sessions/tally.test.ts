/**
 * Each session is counted once after it ends (`tally` on the session, by the `sessions.tally`
 * job): who came, who asked leave, who was absent, volunteer hours. A correction after the end is
 * counted again; a count that raced a correction leaves the session due; cancelled ones are skipped.
 */
import { COLLECTIONS } from '../../../database/collections';
import { countSession, tallyEndedSessions } from '../../../server/sessions/tally';
import type { SessionDoc } from '../../../server/sessions/session-doc';
import { expectOk, type TestCloud } from '../../helpers/local-cloud';
import { inMinutes, membersIn, published, startSessionsCloud } from '../../helpers/sessions';
import { outcomeOf, tickJobs } from '../../helpers/jobs';
import { periodKey } from '../../../server/domain/jobs/periods';

jest.setTimeout(60_000);

let t: TestCloud;
beforeAll(async () => {
  t = await startSessionsCloud();
});
afterAll(() => t.close());

const BRANCH = 'xm-siming-lianqian-mobile';
const sessionDoc = async (id: string) =>
  ({ _id: id, ...(await t.db.collection(COLLECTIONS.sessions).doc(id).get()).data[0] }) as SessionDoc;
const mark = async (sessionId: string, memberId: string, status: 'attended' | 'leave', openid = 'demo-admin') =>
  expectOk((await t.call('sessions', 'mark', { sessionId, memberId, status, reason: '签到表补登' }, openid)).reply);

describe('a session’s tally', () => {
  test('counts who came, who asked leave and who was absent of the expected, once it has ended', async () => {
    const members = await membersIn(t, 5, { branchId: BRANCH });
    const ended = await published(
      t,
      { startAt: inMinutes(-180), endAt: inMinutes(-60), audience: { type: 'branch', orgId: BRANCH } },
      'demo-admin',
    );
    const later = await published(t, { audience: { type: 'branch', orgId: BRANCH } }, 'demo-admin');
    await mark(ended.sessionId, members[0]!.memberId, 'attended');
    await mark(ended.sessionId, members[1]!.memberId, 'attended');
    await mark(ended.sessionId, members[2]!.memberId, 'leave');

    const outcomes = await tickJobs(t);
    expect(outcomeOf(outcomes, 'sessions.tally', periodKey('tenMinutes', new Date()))?.outcome).toBe('ran');
    const doc = await sessionDoc(ended.sessionId);
    const expected = doc.expected!;
    expect(expected).toBeGreaterThanOrEqual(5);
    expect(doc).toMatchObject({ tallyDue: false, tally: { attended: 2, leave: 1, absent: expected - 3 } });
    // Not ended: not counted yet.
    expect(await sessionDoc(later.sessionId)).toMatchObject({ tallyDue: true, tally: null });
  });

  test('a volunteer session credits its hours for each who came', async () => {
    const [a, b] = await membersIn(t, 2, { branchId: BRANCH });
    const s = await published(
      t,
      {
        kind: 'volunteer',
        serviceHours: 3,
        startAt: inMinutes(-300),
        endAt: inMinutes(-120),
        audience: { type: 'branch', orgId: BRANCH },
      },
      'demo-admin',
    );
    await mark(s.sessionId, a!.memberId, 'attended');
    await mark(s.sessionId, b!.memberId, 'attended');
    await tallyEndedSessions(new Date());
    expect((await sessionDoc(s.sessionId)).tally).toMatchObject({ attended: 2, volunteerHours: 6 });
  });

  test('a count that raced a correction leaves the session due, and the next pass counts the correction', async () => {
    const [a, b] = await membersIn(t, 2, { branchId: BRANCH });
    const s = await published(
      t,
      { startAt: inMinutes(-200), endAt: inMinutes(-100), audience: { type: 'branch', orgId: BRANCH } },
      'demo-admin',
    );
    await mark(s.sessionId, a!.memberId, 'attended');
    await tallyEndedSessions(new Date());
    const before = await sessionDoc(s.sessionId);
    expect(before.tally?.attended).toBe(1);
    // A secretary's correction after the end marks it due again, with a new revision.
    await mark(s.sessionId, b!.memberId, 'attended');
    const corrected = await sessionDoc(s.sessionId);
    expect(corrected).toMatchObject({ tallyDue: true, tallyRevision: (before.tallyRevision ?? 0) + 1 });
    // A count begun from the old revision (read before the correction) must not clear the mark.
    const stale = await countSession(before, new Date());
    const res = await t.db
      .collection(COLLECTIONS.sessions)
      .where({ _id: s.sessionId, tallyRevision: before.tallyRevision ?? 0 })
      .update({ tally: stale, tallyDue: false });
    expect(res.updated).toBe(0);
    await tallyEndedSessions(new Date());
    expect((await sessionDoc(s.sessionId)).tally?.attended).toBe(2);
  });

  test('a cancelled session is never counted', async () => {
    const s = await published(t, { audience: { type: 'branch', orgId: BRANCH } }, 'demo-admin');
    expectOk((await t.call('sessions', 'cancel', { sessionId: s.sessionId, reason: '天气原因' }, 'demo-admin')).reply);
    await tallyEndedSessions(new Date(Date.now() + 7 * 24 * 3600_000));
    expect(await sessionDoc(s.sessionId)).toMatchObject({ state: 'cancelled', tallyDue: false, tally: null });
  });
});

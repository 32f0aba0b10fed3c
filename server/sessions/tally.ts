/**
 * Each session's attendance is counted once, after it ends, onto the session itself (`tally`): the
 * figures of the desk and of a node then read sessions, never the attendance records, and no
 * counter is bumped by every check-in (a burst of scans would queue on it). A correction made after
 * the end (a secretary's hand mark) marks the session to be counted again; the revision it bumps
 * keeps a count begun before the correction from clearing the mark.
 */
import { COLLECTIONS } from '../../database/collections';
import type { AttendanceStatus } from '../../typings/areas/sessions';
import { summarise, type StatusCounts } from '../domain/sessions';
import { _, db, type Transaction } from '../platform/cloudbase';
import { withId, type SessionDoc, type SessionTally } from './session-doc';

/** Sessions counted per pass of the job; the next tick takes the rest. */
const BATCH = 100;
const MAX_BATCHES = 20;

type StatusGroup = { _id: AttendanceStatus; n: number };

/** One session's tally from its records: one aggregation. */
export async function countSession(session: SessionDoc, now: Date): Promise<SessionTally> {
  const res = await db
    .collection(COLLECTIONS.sessionAttendance)
    .aggregate()
    .match({ sessionId: session._id })
    .group({ _id: '$status', n: db.command.aggregate.sum(1) })
    .end();
  const counts: StatusCounts = { signed_up: 0, leave: 0, attended: 0 };
  for (const g of (res as { data: StatusGroup[] }).data) if (g._id in counts) counts[g._id as keyof StatusCounts] = g.n;
  const summary = summarise({
    audienceType: session.audience.type,
    expected: session.expected,
    seatsTaken: 0,
    counts,
    ended: true,
  });
  const hours = session.kind === 'volunteer' ? (session.serviceHours ?? 0) * counts.attended : 0;
  return {
    expected: summary.expected ?? counts.signed_up + counts.attended,
    attended: counts.attended,
    leave: counts.leave,
    absent: summary.absent ?? 0,
    volunteerHours: Math.round(hours * 10) / 10,
    countedAt: now,
  };
}

/** Count one session and clear its mark, unless a correction came in meanwhile (then it stays due). */
async function tallyOne(session: SessionDoc, now: Date): Promise<boolean> {
  const tally = await countSession(session, now);
  const res = await db
    .collection(COLLECTIONS.sessions)
    .where({ _id: session._id, tallyRevision: session.tallyRevision ?? 0 })
    .update({ tally: _.set(tally), tallyDue: false });
  return (res as { updated?: number }).updated === 1;
}

/** The job: count every ended session whose tally is due, oldest end first. */
export async function tallyEndedSessions(now: Date = new Date()): Promise<{ counted: number; left: number }> {
  let counted = 0;
  for (let batch = 0; batch < MAX_BATCHES; batch += 1) {
    const res = await db
      .collection(COLLECTIONS.sessions)
      .where({ tallyDue: true, state: 'published', endAt: _.lte(now) })
      .orderBy('endAt', 'asc')
      .limit(BATCH)
      .get();
    const due = (res.data as SessionDoc[]).map((s) => withId<SessionDoc>(s, s._id));
    if (due.length === 0) return { counted, left: 0 };
    const done = await Promise.all(due.map((s) => tallyOne(s, now)));
    counted += done.filter(Boolean).length;
    if (due.length < BATCH) break;
  }
  const left = (
    await db
      .collection(COLLECTIONS.sessions)
      .where({ tallyDue: true, state: 'published', endAt: _.lte(now) })
      .count()
  ).total;
  return { counted, left };
}

/** In a correction's transaction, once the session has ended: count it again at the next tick. */
export async function askRecount(tx: Transaction, session: Pick<SessionDoc, '_id' | 'endAt'>, now: Date) {
  if (now.getTime() < new Date(session.endAt).getTime()) return;
  await tx
    .collection(COLLECTIONS.sessions)
    .doc(session._id)
    .update({ tallyDue: true, tallyRevision: _.inc(1) });
}

/** How far back the reconcile looks: a hand correction is allowed up to 30 days after the end. */
const RECONCILE_DAYS = 35;

/**
 * The reconcile job's half for sessions: count again every session that ended in the last 35 days
 * and is not due, and repair (and report) any tally that differs from its records.
 */
export async function reconcileTallies(now: Date = new Date()): Promise<{ checked: number; repaired: string[] }> {
  const since = new Date(now.getTime() - RECONCILE_DAYS * 24 * 3600_000);
  const repaired: string[] = [];
  let checked = 0;
  let after: { endAt: Date; _id: string } | null = null;
  for (;;) {
    // Keyset on (endAt, _id): a page never repeats or skips a session.
    const from = after
      ? _.or([{ endAt: _.gt(after.endAt).and(_.lte(now)) }, { endAt: after.endAt, _id: _.gt(after._id) }])
      : { endAt: _.gte(since).and(_.lte(now)) };
    const page = (
      await db
        .collection(COLLECTIONS.sessions)
        .where(_.and([{ state: 'published', tallyDue: false }, from]))
        .orderBy('endAt', 'asc')
        .orderBy('_id', 'asc')
        .limit(BATCH)
        .get()
    ).data as SessionDoc[];
    if (page.length === 0) break;
    const last = page[page.length - 1]!;
    after = { endAt: new Date(last.endAt), _id: last._id };
    await Promise.all(
      page.map(async (s) => {
        const fresh = await countSession(s, now);
        const same =
          s.tally &&
          s.tally.expected === fresh.expected &&
          s.tally.attended === fresh.attended &&
          s.tally.leave === fresh.leave &&
          s.tally.absent === fresh.absent &&
          s.tally.volunteerHours === fresh.volunteerHours;
        if (same) return;
        const res = await db
          .collection(COLLECTIONS.sessions)
          .where({ _id: s._id, tallyRevision: s.tallyRevision ?? 0 })
          .update({ tally: _.set(fresh) });
        if ((res as { updated?: number }).updated === 1) repaired.push(s._id);
      }),
    );
    checked += page.length;
    if (page.length < BATCH) break;
  }
  return { checked, repaired };
}

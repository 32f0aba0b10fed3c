/**
 * A member's attendance: this year's rate over the sessions of their branch they were expected
 * at (counted since they joined the branch), their volunteer hours, and their records newest first.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { AttendanceHistory, HistoryRow } from '../../typings/areas/sessions';
import { memberIdOf } from '../domain/ids';
import { canSeeMember } from '../domain/scope';
import { hasEnded, memberRate, myStatus, REQUIRED_KINDS, shanghaiDate, yearOf } from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import { findMember } from '../members/store';
import { loadAccess } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import type { CallerIdentity } from '../platform/caller';
import type { Handler } from '../platform/dispatch';
import { readKeysetPage } from '../platform/keyset';
import { failedPrecondition, notFound, permissionDenied } from '../platform/errors';
import { memberIdSchema, pageInput, pageOf } from './schemas';
import type { AttendanceDoc } from './session-doc';
import { joinedBranchAt } from './store';

async function ownRecord(memberId: string): Promise<MemberDoc> {
  const member = await findMember(memberId);
  if (!member) throw failedPrecondition('您还没有报到，还没有出勤记录');
  return member;
}

/** Another member's record, for a secretary or administrator who may see them. */
async function visibleRecord(caller: CallerIdentity, memberId: string): Promise<MemberDoc> {
  const [access, member] = await Promise.all([loadAccess(caller), findMember(memberId)]);
  if (!member) throw notFound('该党员记录不存在');
  if (!canSeeMember(access, member)) throw permissionDenied('该党员不在您的管理范围内');
  return member;
}

interface Group {
  _id: { status: string; kind: string; branchId: string | null; counted: boolean };
  n: number;
  hours: number;
}

export const history: Handler<'sessions', 'history'> = {
  input: z.object({ memberId: memberIdSchema.optional(), ...pageInput }),
  async run(input, { caller }) {
    const now = new Date();
    const own = memberIdOf(caller.openid);
    const memberId = input.memberId ?? own;
    const member = memberId === own ? await ownRecord(own) : await visibleRecord(caller, memberId);
    const year = yearOf(now);
    const joined = joinedBranchAt(member);
    const since = joined && joined > year.start ? joined : year.start;
    const { cursor, limit } = pageOf(input);
    const $ = db.command.aggregate;
    const required = member.branchId
      ? db
          .collection(COLLECTIONS.sessions)
          .where({
            branchId: member.branchId,
            state: 'published',
            kind: _.in([...REQUIRED_KINDS]),
            startAt: _.gte(since),
            endAt: _.lte(now),
          })
          .count()
      : Promise.resolve({ total: 0 });
    const [held, groups, page] = await Promise.all([
      required,
      db
        .collection(COLLECTIONS.sessionAttendance)
        .aggregate()
        .match({ memberId: member._id, sessionStartAt: _.gte(year.start).and(_.lt(year.end)) })
        .group({
          _id: {
            status: '$status',
            kind: '$sessionKind',
            branchId: '$sessionBranchId',
            counted: $.and([$.gte(['$sessionStartAt', since]), $.lte(['$sessionEndAt', now])]),
          },
          n: $.sum(1),
          hours: $.sum('$sessionServiceHours'),
        })
        .end(),
      readKeysetPage<AttendanceDoc>({
        collection: COLLECTIONS.sessionAttendance,
        where: { memberId: member._id, status: _.in(['signed_up', 'leave', 'attended']) },
        sort: [
          ['sessionStartAt', 'desc'],
          ['_id', 'desc'],
        ],
        cursor,
        limit,
      }),
    ]);
    let attended = 0;
    let leave = 0;
    let volunteerHours = 0;
    for (const g of (groups as { data: Group[] }).data) {
      const { status, kind, branchId, counted } = g._id;
      if (status === 'attended' && kind === 'volunteer') volunteerHours += g.hours ?? 0;
      const expected = counted && branchId === member.branchId && (REQUIRED_KINDS as string[]).includes(kind);
      if (!expected) continue;
      if (status === 'attended') attended += g.n;
      if (status === 'leave') leave += g.n;
    }
    const items: HistoryRow[] = page.rows.map((r) => ({
      sessionId: r.sessionId,
      kind: r.sessionKind,
      title: r.sessionTitle,
      startAt: r.sessionStartAt.toISOString(),
      status: myStatus(r.status, hasEnded({ startAt: r.sessionStartAt, endAt: r.sessionEndAt }, now), true),
      checkedInAt: r.status === 'attended' && r.checkedInAt ? r.checkedInAt.toISOString() : null,
      points: r.points?.points ?? null,
    }));
    const result: AttendanceHistory = {
      memberId: member._id,
      name: member.name,
      year: shanghaiDate(now).year,
      held: held.total,
      attended,
      leave,
      ...memberRate({ held: held.total, attended, leave }),
      volunteerHours,
      items: { items, nextCursor: page.nextCursor },
    };
    return result;
  },
};

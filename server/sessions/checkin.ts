/**
 * Check-in by rotating QR code. The secretary's phone shows a code signed by the server that
 * names the session and its 30-second window; it is accepted in that window and the next, and
 * never outside the session's check-in window (30 minutes before the start to the end). The
 * member scans it with wx.scanCode and sends it here.
 *
 * The attendance record has a deterministic id (session, member): the first successful scan
 * turns it to `attended` with a compare-and-set on its status, a second scan or a retry after a
 * timeout finds it attended and changes nothing. No transaction and no shared counter are
 * touched, so a whole hall checking in at once does not contend: one member, one document.
 */
import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { CheckInResult } from '../../typings/areas/sessions';
import {
  attendanceIdOf,
  CHECKIN_CODE_PERIOD_SECONDS,
  checkinCodeValidity,
  checkinOpensAt,
  checkinPhase,
  shortTime,
} from '../domain/sessions';
import type { MemberDoc } from '../members/member-doc';
import { loadAccess } from '../platform/access';
import { _, db } from '../platform/cloudbase';
import { isDuplicateKey } from '../platform/db-errors';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument, notFound, permissionDenied } from '../platform/errors';
import { qrDataUrl } from '../platform/qr-image';
import { rotatingWindow, signToken, verifyToken, type TokenFailure } from '../platform/signed-token';
import { labelled } from '../platform/validation';
import { placementOf } from '../points/award';
import { creditAttendance, earnsPoints } from './points';
import { bodyOf, blankAttendance } from './records';
import { sessionIdSchema } from './schemas';
import { withId, type AttendanceDoc, type SessionDoc, type StoredCheckIn } from './session-doc';
import { canManage, findAttendance, findCallerMember, findSession, inAudience, requireSession } from './store';
import { votingRightOfMember } from './views';

export const CHECKIN_PURPOSE = 'checkin';
/**
 * Pixels per QR module: the ~130-character code is 49 modules wide, so the PNG is about 420 px and
 * the page shows it across most of the screen (a module over a millimetre: readable from a metre).
 * Larger scales cost the PNG encoder more time than they add sharpness.
 */
const QR_SCALE = 8;

function notOpenYet(session: SessionDoc): Error {
  return failedPrecondition(`签到还没有开始。活动开始前 30 分钟（${shortTime(checkinOpensAt(session))}）起可以签到`);
}

const ENDED = '活动已经结束，不能再扫码签到了；如果您参加了，请联系书记补登';

/** The code to show now. Only the session's managers may fetch it, and only in the check-in window. */
export const checkinCode: Handler<'sessions', 'checkinCode'> = {
  input: z.object({ sessionId: sessionIdSchema }),
  async run({ sessionId }, { caller }) {
    const [access, session] = await Promise.all([loadAccess(caller), requireSession(sessionId)]);
    if (!canManage(access, session)) throw permissionDenied('这个活动不在您的管理范围内');
    if (session.state === 'cancelled') throw failedPrecondition('这个活动已经取消了');
    const now = new Date();
    const phase = checkinPhase(session, now);
    if (phase === 'not_open') throw notOpenYet(session);
    const issued = phase === 'open' ? issueCheckinToken(session, now) : null;
    if (!issued) throw failedPrecondition('活动已经结束，签到码停止使用；有人漏签的话，请在考勤名单里补登');
    const { token, validity } = issued;
    return {
      sessionId: session._id,
      token,
      qrImage: await qrDataUrl(token, QR_SCALE),
      refreshAt: validity.refreshAt.toISOString(),
      periodSeconds: CHECKIN_CODE_PERIOD_SECONDS,
      opensAt: checkinOpensAt(session).toISOString(),
      closesAt: session.endAt.toISOString(),
      serverTime: now.toISOString(),
    };
  },
};

/** The check-in token of the window containing `now`, or null when the check-in window leaves no room for one. */
export function issueCheckinToken(
  session: { _id: string; startAt: Date; endAt: Date },
  now: Date,
): { token: string; validity: { notBefore: Date; expiresAt: Date; refreshAt: Date } } | null {
  const window = rotatingWindow(now, CHECKIN_CODE_PERIOD_SECONDS);
  const validity = checkinCodeValidity(session, window);
  if (!validity) return null;
  const token = signToken(
    { s: session._id, w: window.index },
    { purpose: CHECKIN_PURPOSE, notBefore: validity.notBefore, expiresAt: validity.expiresAt },
  );
  return { token, validity };
}

const TOKEN_MESSAGES: Record<TokenFailure, { code: 'invalid' | 'stale'; message: string }> = {
  malformed: { code: 'invalid', message: '这不是活动签到码。请扫描书记手机上显示的签到二维码' },
  wrong_purpose: { code: 'invalid', message: '这不是活动签到码。请扫描书记手机上显示的签到二维码' },
  bad_signature: { code: 'invalid', message: '签到码无法识别，可能是伪造或被改动过。请扫描书记手机上显示的签到二维码' },
  expired: { code: 'stale', message: '签到码已经过期（每 30 秒换一次）。请扫描书记手机上现在显示的签到码' },
  not_yet_valid: { code: 'stale', message: '签到码还没有生效。请稍等片刻再扫一次' },
};

/** The session id a verified token names; refusals as coded errors with the reason in plain words. */
function sessionOfToken(token: string, now: Date): string {
  const checked = verifyToken(token, CHECKIN_PURPOSE, now);
  if (!checked.ok) {
    const { code, message } = TOKEN_MESSAGES[checked.reason];
    throw code === 'invalid' ? invalidArgument(message, 'token') : failedPrecondition(message);
  }
  const id = checked.payload.s;
  if (typeof id !== 'string' || typeof checked.payload.w !== 'number') {
    throw invalidArgument(TOKEN_MESSAGES.malformed.message, 'token');
  }
  return id;
}

/**
 * Turn the record to attended unless it already is. Without a record read beforehand (`known`
 * undefined) it is created straight away with the deterministic id, the usual case in a burst
 * of people who did not sign up; a duplicate key means it exists, so it is read and, unless
 * already attended, changed with a compare-and-set on the status read. Losing a race (another
 * phone, the secretary's hand mark) re-reads. Returns the record and whether this call made the change.
 */
export async function markAttended(
  session: SessionDoc,
  member: MemberDoc,
  known: AttendanceDoc | null | undefined,
  checkIn: StoredCheckIn,
  now: Date,
): Promise<{ att: AttendanceDoc; changed: boolean }> {
  const attId = attendanceIdOf(session._id, member._id);
  const records = db.collection(COLLECTIONS.sessionAttendance);
  const patch = {
    status: 'attended' as const,
    checkedInAt: now,
    checkIn,
    changed: false,
    pointsPending: earnsPoints(session.kind),
    updatedAt: now,
  };
  let att = known;
  for (let attempt = 0; attempt < 4; attempt++) {
    if (!att) {
      const created: AttendanceDoc = { ...blankAttendance(session, member, now), ...patch };
      try {
        await records.add({ _id: attId, ...bodyOf(created) });
        return { att: created, changed: true };
      } catch (err) {
        if (!isDuplicateKey(err)) throw err;
      }
    } else if (att.status === 'attended') {
      return { att, changed: false };
    } else {
      const res = (await records
        .where({ _id: attId, status: att.status })
        .updateAndReturn({ ...patch, checkIn: _.set(checkIn) })) as { updated: number; doc: AttendanceDoc | null };
      if (res.updated === 1 && res.doc) return { att: withId<AttendanceDoc>(res.doc, attId), changed: true };
    }
    att = await findAttendance(session._id, member._id);
    if (att?.status === 'attended') return { att, changed: false };
  }
  throw failedPrecondition('签到的人太多了，请再扫一次');
}

/** A member checks in with the scanned code. Scanning twice changes nothing. */
export const checkIn: Handler<'sessions', 'checkIn'> = {
  input: z.object({ token: labelled(z.string().trim().min(1).max(512), '签到码') }),
  async run({ token }, { caller }): Promise<CheckInResult> {
    const now = new Date();
    const sessionId = sessionOfToken(token, now);
    const [member, session] = await Promise.all([findCallerMember(caller.openid), findSession(sessionId)]);
    if (!member) throw failedPrecondition('您还没有报到。请先在首页报到，划转到支部后就能签到');
    if (member.state !== 'active' || !member.branchId) {
      throw failedPrecondition('您的报到还在办理中，划转到支部后才能签到');
    }
    if (!session) throw notFound('这个活动不存在或已被删除');
    if (session.state === 'cancelled') throw failedPrecondition('这个活动已经取消了');
    if (!inAudience(member, session))
      throw permissionDenied('这个活动不面向您所在的支部，不能签到；如需参加请联系书记');
    const phase = checkinPhase(session, now);
    if (phase === 'not_open') throw notOpenYet(session);
    if (phase === 'closed') throw failedPrecondition(ENDED);
    const { att, changed } = await markAttended(
      session,
      member,
      undefined,
      { method: 'qr', by: caller.openid, reason: null },
      now,
    );
    const points = await creditAttendance(att, session.createdBy, placementOf(member));
    return {
      sessionId: session._id,
      title: session.title,
      checkedInAt: (att.checkedInAt ?? now).toISOString(),
      alreadyCheckedIn: !changed,
      points: points.points,
      pointsNote: points.note,
      votingRight: votingRightOfMember(session, member),
    };
  },
};

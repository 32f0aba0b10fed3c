import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import { memberIdOf } from '../domain/ids';
import { certificateStateOn } from '../domain/certificate';
import { shanghaiDay } from '../domain/shanghai-day';
import { parseMobile } from '../domain/phone';
import { loadAccess, requireAnyManager } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { failedPrecondition, invalidArgument, notFound } from '../platform/errors';
import { sealSensitive } from '../platform/sensitive';
import { verifyToken } from '../platform/signed-token';
import { labelled } from '../platform/validation';
import { CERT_TOKEN_PURPOSE, type CertificateDoc } from './certificates';
import { residenceLabel, type MemberDoc } from './member-doc';
import { buildMyMembership, loadMyMembership } from './my-membership';
import { checkResidence } from './register';
import { residenceSchema } from './schemas';
import { findMember, findOrgs } from './store';

/** The caller's own membership: state, branch, paired contact, certificate. Null before registration. */
export const me: Handler<'member', 'me'> = {
  input: z.object({}),
  run: (_input, { caller }) => loadMyMembership(caller.openid),
};

/**
 * An assigned member reports a new phone or residence (a duty of a 流动党员). The change is
 * audit-logged with masked values so administrators see the history.
 */
export const updateContact: Handler<'member', 'updateContact'> = {
  input: z.object({
    phone: labelled(z.string().max(30), '手机号').optional(),
    residence: residenceSchema.optional(),
  }),
  async run({ phone, residence }, { caller }) {
    if (!phone && !residence) throw invalidArgument('请填写要修改的手机号或居住地');
    const memberId = memberIdOf(caller.openid);
    const [member, orgs] = await Promise.all([
      findMember(memberId),
      residence
        ? findOrgs([residence.districtId, residence.streetId, residence.communityId].filter((x): x is string => !!x))
        : Promise.resolve(new Map()),
    ]);
    if (!member) throw notFound('您还没有报到');
    if (member.state === 'pending' || member.state === 'sent_back') {
      throw failedPrecondition('报到信息正在审核，如需修改请重新提交报到信息');
    }
    const patch: Partial<MemberDoc> = { updatedAt: new Date() };
    if (phone) {
      const parsed = parseMobile(phone);
      if (!parsed.ok) throw invalidArgument(`手机号：${parsed.reason}`, 'phone');
      patch.phone = sealSensitive('phone', parsed.value);
    }
    if (residence) {
      const places = checkResidence(residence, orgs);
      patch.residence = {
        districtId: places.district._id,
        streetId: places.street._id,
        communityId: places.community?._id ?? null,
        address: residence.address,
        districtName: places.district.name,
        streetName: places.street.name,
        communityName: places.community?.name ?? null,
      };
    }
    // Sub-objects are replaced whole, not merged field by field.
    const update: Record<string, unknown> = { updatedAt: patch.updatedAt };
    if (patch.phone) update.phone = _.set(patch.phone);
    if (patch.residence) update.residence = _.set(patch.residence);
    await db.collection(COLLECTIONS.members).doc(memberId).update(update);
    const next = { ...member, ...patch };
    await writeAudit({
      actor: caller.openid,
      action: 'member.updateContact',
      target: { collection: COLLECTIONS.members, id: memberId },
      before: { phone: member.phone.masked, residence: `${residenceLabel(member)} ${member.residence.address}` },
      after: { phone: next.phone.masked, residence: `${residenceLabel(next)} ${next.residence.address}` },
    });
    return buildMyMembership(next);
  },
};

const INVALID_REASONS: Record<string, string> = {
  malformed: '这不是流动党员电子活动证的二维码',
  bad_signature: '二维码无法识别或已被篡改',
  wrong_purpose: '这不是流动党员电子活动证的二维码',
  expired: '二维码已过期，请持证人刷新后重新出示',
  not_yet_valid: '二维码尚未生效，请持证人刷新后重新出示',
};

/** A secretary scans a member's certificate QR: valid or not, with the masked holder only. */
export const verifyCertificate: Handler<'member', 'verifyCertificate'> = {
  input: z.object({ token: labelled(z.string().trim().min(1).max(512), '二维码内容') }),
  async run({ token }, { caller }) {
    const access = await loadAccess(caller);
    requireAnyManager(access);
    const invalid = (reason: string) => ({
      valid: false,
      reason,
      number: null,
      holderNameMasked: null,
      branchName: null,
    });
    const checked = verifyToken(token, CERT_TOKEN_PURPOSE);
    if (!checked.ok) return invalid(INVALID_REASONS[checked.reason] ?? '二维码无效');
    const certId = String(checked.payload.c);
    const res = await db.collection(COLLECTIONS.certificates).doc(certId).get();
    const cert = (res.data as CertificateDoc[])[0];
    if (!cert) return invalid('活动证不存在');
    if (cert.version !== Number(checked.payload.v)) return invalid('活动证已重新签发，此二维码已作废');
    const state = certificateStateOn(cert.state, cert.reviewDueOn, shanghaiDay(new Date()));
    if (state === 'revoked') {
      return { ...invalid(`活动证已收回${cert.revokeReason ? `（${cert.revokeReason}）` : ''}`), number: cert.number };
    }
    return {
      valid: true,
      reason: state === 'review_due' ? `已超过年审日期（${cert.reviewDueOn}），请提醒持证人年审` : null,
      number: cert.number,
      holderNameMasked: cert.holderNameMasked,
      branchName: cert.branchName,
    };
  },
};

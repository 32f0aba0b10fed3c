import { createHash } from 'node:crypto';
import { COLLECTIONS } from '../../database/collections';
import type { MyMembership, RegistrationInput } from '../../typings/areas/member';
import { candidateScopesOf, matchingParents } from '../domain/assignment';
import { shanghaiDay } from '../domain/shanghai-day';
import { memberIdOf } from '../domain/ids';
import { parseIdCard } from '../domain/id-card';
import { parseMobile } from '../domain/phone';
import type { OrgDoc } from '../orgs/org-store';
import { db, type Transaction } from '../platform/cloudbase';
import { isDuplicateKey } from '../platform/db-errors';
import type { Handler } from '../platform/dispatch';
import { alreadyExists, conflict, invalidArgument } from '../platform/errors';
import { inTransaction } from '../platform/transaction';
import { hashSensitive, sealSensitive } from '../platform/sensitive';
import type { MemberDoc } from './member-doc';
import { importIdOf, type ImportDoc } from './imports';
import { buildMyMembership } from './my-membership';
import { registrationSchema } from './schemas';
import { findMember, findOrgs, findSpecialParents, toCandidate } from './store';

/** Checks that need the domain rules: the 身份证号, phone, and dates that must agree with each other. */
export function checkPerson(input: RegistrationInput, now: Date) {
  const id = parseIdCard(input.idCardNumber, now);
  if (!id.ok) throw invalidArgument(`身份证号：${id.reason}`, 'idCardNumber');
  const phone = parseMobile(input.phone);
  if (!phone.ok) throw invalidArgument(`手机号：${phone.reason}`, 'phone');
  if (id.value.birthDate !== input.birthDate) {
    throw invalidArgument('出生日期：与身份证号中的出生日期不一致，请核对', 'birthDate');
  }
  if (id.value.gender !== input.gender) throw invalidArgument('性别：与身份证号不一致，请核对', 'gender');
  const today = shanghaiDay(now);
  if (input.joinedPartyOn > today) throw invalidArgument('入党日期：不能晚于今天', 'joinedPartyOn');
  const eighteen = `${Number(input.birthDate.slice(0, 4)) + 18}${input.birthDate.slice(4)}`;
  if (input.joinedPartyOn < eighteen) throw invalidArgument('入党日期：入党时应年满十八周岁，请核对', 'joinedPartyOn');
  if (Number.isNaN(Date.parse(input.joinedPartyOn))) throw invalidArgument('入党日期：日期无效', 'joinedPartyOn');
  if (input.leftHomeOn > today.slice(0, 7)) throw invalidArgument('外出时间：不能晚于本月', 'leftHomeOn');
  if (input.leftHomeOn < input.birthDate.slice(0, 7)) throw invalidArgument('外出时间：早于出生日期', 'leftHomeOn');
  return { idCard: id.value.number, phone: phone.value };
}

/** What was submitted, without the identifiers (those are compared by their keyed hashes). */
function fingerprintOf(input: RegistrationInput): string {
  const { idCardNumber: _id, phone: _phone, ...rest } = input;
  return createHash('sha256').update(JSON.stringify(rest)).digest('hex');
}

/** The residence must be a real district → street → community chain, all open. */
export function checkResidence(input: RegistrationInput['residence'], orgs: Map<string, OrgDoc>) {
  const district = orgs.get(input.districtId);
  const street = orgs.get(input.streetId);
  const community = input.communityId ? orgs.get(input.communityId) : undefined;
  if (!district || district.type !== 'district' || district.closed) {
    throw invalidArgument('所在区：请从列表中选择', 'residence.districtId');
  }
  if (!street || street.type !== 'street' || street.parentId !== district._id || street.closed) {
    throw invalidArgument('所在街道（镇）：不属于所选的区，请重新选择', 'residence.streetId');
  }
  if (input.communityId && (!community || community.type !== 'community' || community.parentId !== street._id)) {
    throw invalidArgument('所在社区（村）：不属于所选的街道，请重新选择', 'residence.communityId');
  }
  return { district, street, community: community ?? null };
}

/**
 * 报到 / 亮身份: one record per WeChat account. A retry returns the same record; a member whose
 * registration is pending or was sent back may correct and resubmit; the same person from a
 * second account gets CONFLICT and learns nothing of the other record. A 摸排 import of the
 * same person is linked, not duplicated. Round trips: 4 reads in parallel, then one transaction.
 */
export const register: Handler<'member', 'register'> = {
  input: registrationSchema,
  async run(input, { caller }): Promise<MyMembership> {
    const now = new Date();
    const person = checkPerson(input, now);
    const memberId = memberIdOf(caller.openid);
    const idHash = hashSensitive('idCard', person.idCard);
    const residenceIds = [input.residence.districtId, input.residence.streetId, input.residence.communityId].filter(
      (x): x is string => !!x,
    );
    const [existing, orgs, specials, importRes] = await Promise.all([
      findMember(memberId),
      findOrgs(residenceIds),
      findSpecialParents(),
      db.collection(COLLECTIONS.memberImports).doc(importIdOf(idHash)).get(),
    ]);
    const found = (importRes.data as ImportDoc[])[0];
    const places = checkResidence(input.residence, orgs);

    if (existing && existing.state !== 'pending' && existing.state !== 'sent_back') {
      throw alreadyExists('您已完成报到。如需修改联系方式或居住地，请在“我的”页面操作');
    }
    if (existing && existing.idCard.hash !== idHash) {
      throw conflict('报到后不能更换身份证号，请联系所在支部处理');
    }
    const fingerprint = fingerprintOf(input);
    // A retry (double tap, timeout) of the same submission changes nothing.
    if (existing?.state === 'pending' && existing.fingerprint === fingerprint) return buildMyMembership(existing);

    const situation = {
      wish: input.wish,
      residence: {
        districtId: places.district._id,
        streetId: places.street._id,
        communityId: places.community?._id ?? null,
      },
      industry: input.work.industry,
      home: { province: input.home.province, county: input.home.county },
    };
    const { committees, homeOrgs } = matchingParents(situation, specials.map(toCandidate));
    const matched = new Set([...committees, ...homeOrgs].map((n) => n.id));
    const scopeNodes = [places.district, places.street, places.community, ...specials.filter((n) => matched.has(n._id))]
      .filter((n): n is OrgDoc => !!n)
      .map((n) => ({ id: n._id, ancestors: n.ancestors }));

    const resubmitted = existing !== null;
    const doc: MemberDoc = {
      _id: memberId,
      openid: caller.openid,
      name: input.name,
      gender: input.gender,
      ethnicity: input.ethnicity,
      birthDate: input.birthDate,
      idCard: sealSensitive('idCard', person.idCard),
      phone: sealSensitive('phone', person.phone),
      joinedPartyOn: input.joinedPartyOn,
      partyStatus: input.partyStatus,
      home: {
        orgName: input.home.orgName,
        province: input.home.province,
        county: input.home.county,
        ...(input.home.contactName ? { contactName: input.home.contactName } : {}),
        ...(input.home.contactPhone ? { contactPhone: sealSensitive('contactPhone', input.home.contactPhone) } : {}),
      },
      leftHomeOn: input.leftHomeOn,
      leftHomeReason: input.leftHomeReason,
      residence: {
        ...situation.residence,
        address: input.residence.address,
        districtName: places.district.name,
        streetName: places.street.name,
        communityName: places.community?.name ?? null,
      },
      work: { industry: input.work.industry, employer: input.work.employer ?? null, job: input.work.job ?? null },
      holdsPaperCertificate: input.holdsPaperCertificate,
      wish: input.wish,
      privacyConsent: { version: input.privacyConsentVersion, at: now },
      scene: input.scene ?? null,
      state: 'pending',
      sentBackReason: null,
      branchId: null,
      branchName: null,
      orgPath: [],
      candidateScopes: candidateScopesOf(scopeNodes),
      pairedWith: null,
      importId: found ? found._id : (existing?.importId ?? null),
      history: [
        ...(existing?.history ?? []),
        {
          from: existing?.state ?? null,
          to: 'pending',
          by: caller.openid,
          at: now,
          reason: resubmitted ? '本人修改后重新提交' : '本人报到',
        },
      ],
      fingerprint,
      submittedAt: existing?.submittedAt ?? now,
      updatedAt: now,
    };
    try {
      await inTransaction(async (tx: Transaction) => {
        const { _id, ...body } = doc;
        await tx.collection(COLLECTIONS.members).doc(_id).set(body);
        if (found && !found.linkedMemberId) {
          await tx
            .collection(COLLECTIONS.memberImports)
            .doc(found._id)
            .update({ linkedMemberId: memberId, linkedAt: now });
        }
      });
    } catch (err) {
      if (isDuplicateKey(err)) {
        throw conflict('该身份证号已在其他微信账号上报到。如需更换账号，请联系所在支部处理');
      }
      throw err;
    }
    return buildMyMembership(doc);
  },
};

import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { MemberRow, Page } from '../../typings/areas/member';
import { catchmentIds } from '../domain/scope';
import { findOrg } from '../orgs/org-store';
import { loadAccess, requireAnyManager, requireBranchManager } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { notFound, permissionDenied } from '../platform/errors';
import { openSensitive } from '../platform/sensitive';
import { cursorSchema, readKeysetPage, type KeysetSort } from '../platform/keyset';
import { labelled } from '../platform/validation';
import { toDetail, toRow, type MemberDoc } from './member-doc';
import { industrySchema, memberIdSchema, orgIdSchema, reasonSchema } from './schemas';
import { loadVisibleMember } from './visibility';

const DEFAULT_PAGE = 20;
const MAX_PAGE = 100;
const pageInput = {
  cursor: cursorSchema.optional(),
  limit: labelled(z.number().int().min(1).max(MAX_PAGE), '每页条数').optional(),
};
const ROW_FIELDS = {
  _id: true,
  name: true,
  gender: true,
  state: true,
  work: true,
  residence: true,
  branchName: true,
  phone: true,
  submittedAt: true,
};

/** Read one page after the cursor row (keyset on the sort key and `_id`). */
async function readPage(
  where: Record<string, unknown>,
  sort: KeysetSort,
  cursor: string | undefined,
  limit = DEFAULT_PAGE,
): Promise<Page<MemberRow>> {
  const { rows, nextCursor } = await readKeysetPage<MemberDoc>({
    collection: COLLECTIONS.members,
    where,
    sort,
    cursor,
    limit,
    field: ROW_FIELDS,
  });
  // Rows carry masks only, never the sealed values.
  return { items: rows.map(toRow), nextCursor };
}

/**
 * Registrations the caller may assign, seen from their branch's catchment or their node: those
 * waiting for review, or those sent back (so they do not vanish from sight until corrected).
 */
export const pendingQueue: Handler<'member', 'pendingQueue'> = {
  input: z.object({ state: labelled(z.enum(['pending', 'sent_back']), '状态').optional(), ...pageInput }),
  async run({ state = 'pending', cursor, limit }, { caller }) {
    const access = await loadAccess(caller);
    requireAnyManager(access);
    const where: Record<string, unknown> = { state };
    if (!access.isSuperAdmin) where.candidateScopes = _.in(catchmentIds(access));
    return readPage(
      where,
      [
        ['submittedAt', 'asc'],
        ['_id', 'asc'],
      ],
      cursor,
      limit,
    );
  },
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The members of a branch, searchable by name and filterable by state and industry. */
export const branchMembers: Handler<'member', 'branchMembers'> = {
  input: z.object({
    branchId: orgIdSchema('支部'),
    name: labelled(z.string().trim().max(30), '姓名').optional(),
    state: labelled(
      z.enum(['pending', 'sent_back', 'active', 'transferred', 'returned_home', 'lost_contact']),
      '状态',
    ).optional(),
    industry: industrySchema.optional(),
    ...pageInput,
  }),
  async run({ branchId, name, state, industry, cursor, limit }, { caller }) {
    const [access, branch] = await Promise.all([loadAccess(caller), findOrg(branchId)]);
    if (!branch) throw notFound('该支部不存在');
    requireBranchManager(access, { id: branch._id, ancestors: branch.ancestors });
    const where: Record<string, unknown> = { branchId };
    if (state) where.state = state;
    if (industry) where['work.industry'] = industry;
    if (name) where.name = db.RegExp({ regexp: escapeRegExp(name), options: 'i' });
    return readPage(
      where,
      [
        ['name', 'asc'],
        ['_id', 'asc'],
      ],
      cursor,
      limit,
    );
  },
};

/** One member, with masked identifiers and the state history. */
export const detail: Handler<'member', 'detail'> = {
  input: z.object({ memberId: memberIdSchema }),
  async run({ memberId }, { caller }) {
    const { member } = await loadVisibleMember(caller, memberId);
    return toDetail(member);
  },
};

/**
 * The full 身份证号 and phone, for a secretary or administrator who must contact or verify the
 * person. Every use is written to the audit log with the reason given.
 */
export const reveal: Handler<'member', 'reveal'> = {
  input: z.object({ memberId: memberIdSchema, reason: reasonSchema('查看原因') }),
  async run({ memberId, reason }, { caller }) {
    const { access, member } = await loadVisibleMember(caller, memberId);
    if (!access.isSuperAdmin && access.grants.length === 0) throw permissionDenied();
    await writeAudit({
      actor: caller.openid,
      action: 'member.reveal',
      target: { collection: COLLECTIONS.members, id: memberId },
      before: null,
      after: { fields: ['idCard', 'phone', ...(member.home.contactPhone ? ['home.contactPhone'] : [])] },
      reason,
    });
    const home = member.home.contactPhone;
    return {
      idCardNumber: openSensitive(member.idCard.cipher),
      phone: openSensitive(member.phone.cipher),
      homeContactPhone: !home ? null : typeof home === 'string' ? home : openSensitive(home.cipher),
    };
  },
};

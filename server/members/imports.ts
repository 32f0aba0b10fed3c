import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import type { ImportOutcome } from '../../typings/areas/member';
import { parseIdCard } from '../domain/id-card';
import { parseMobile } from '../domain/phone';
import { canAdminister, canSeeMember, type TreePlace } from '../domain/scope';
import { loadAccess, requireAdminOver } from '../platform/access';
import { writeAudit } from '../platform/audit';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { notFound } from '../platform/errors';
import { hashSensitive, sealSensitive } from '../platform/sensitive';
import { labelled } from '../platform/validation';
import { findOrg } from '../orgs/org-store';
import type { MemberDoc, SealedValue } from './member-doc';
import { orgIdSchema } from './schemas';

/** A member found by community workers (摸排). `_id` is `importIdOf(idHash)`: one per person. */
export interface ImportDoc {
  _id: string;
  scopeId: string;
  /** The scope and its ancestors: "found under X" is `scopePath` contains X. */
  scopePath?: string[];
  name: string;
  idCard: SealedValue;
  phone: SealedValue | null;
  foundAt: string;
  notes: string;
  importedBy: string;
  importedAt: Date;
  linkedMemberId: string | null;
  linkedAt: Date | null;
}

export const importIdOf = (idHash: string) => `imp_${idHash}`;

/** At most this many rows per call: a page of a spreadsheet, not a whole city. */
export const MAX_IMPORT_ROWS = 500;

const rowSchema = z.object({
  name: z.string(),
  idCardNumber: z.string(),
  phone: z.string().optional(),
  foundAt: z.string(),
  notes: z.string().optional(),
});

type Result = { row: number; outcome: ImportOutcome; message: string };

/**
 * Import 摸排 rows for a node the administrator oversees. Each row is checked on its own and
 * written in one single-document operation, so a bad row never stops the others and nothing is
 * half-written. A person who already registered is linked to their member record instead.
 */
export const importRows: Handler<'member', 'importRows'> = {
  input: z.object({
    scopeId: orgIdSchema('导入范围'),
    rows: labelled(z.array(rowSchema).min(1).max(MAX_IMPORT_ROWS), '导入数据'),
  }),
  async run({ scopeId, rows }, { caller }) {
    const [access, scope] = await Promise.all([loadAccess(caller), findOrg(scopeId)]);
    if (!scope) throw notFound('导入范围对应的组织不存在');
    requireAdminOver(access, { id: scope._id, ancestors: scope.ancestors });

    const now = new Date();
    const results: Result[] = [];
    const valid: { row: number; doc: ImportDoc }[] = [];
    const firstRowOf = new Map<string, number>();
    rows.forEach((r, i) => {
      const row = i + 1;
      const name = r.name.trim();
      const id = parseIdCard(r.idCardNumber, now);
      const phone = r.phone?.trim() ? parseMobile(r.phone) : null;
      const foundAt = r.foundAt.trim();
      let problem: string | null = null;
      if (!name || name.length > 30) problem = '姓名为空或过长';
      else if (!id.ok) problem = `身份证号：${id.reason}`;
      else if (phone && !phone.ok) problem = `手机号：${phone.reason}`;
      else if (!foundAt || foundAt.length > 100) problem = '发现地点为空或过长';
      else if ((r.notes ?? '').length > 200) problem = '备注过长（最多200字）';
      if (problem || !id.ok) {
        results.push({ row, outcome: 'invalid', message: problem ?? '数据无效' });
        return;
      }
      const hash = hashSensitive('idCard', id.value.number);
      const earlier = firstRowOf.get(hash);
      if (earlier !== undefined) {
        results.push({ row, outcome: 'invalid', message: `与第 ${earlier} 行是同一人` });
        return;
      }
      firstRowOf.set(hash, row);
      valid.push({
        row,
        doc: {
          _id: importIdOf(hash),
          scopeId,
          scopePath: [...scope.ancestors, scope._id],
          name,
          idCard: sealSensitive('idCard', id.value.number),
          phone: phone?.ok ? sealSensitive('phone', phone.value) : null,
          foundAt,
          notes: (r.notes ?? '').trim(),
          importedBy: caller.openid,
          importedAt: now,
          linkedMemberId: null,
          linkedAt: null,
        },
      });
    });

    const ids = valid.map((v) => v.doc._id);
    const hashes = valid.map((v) => v.doc.idCard.hash);
    const [existingRes, membersRes] = ids.length
      ? await Promise.all([
          db
            .collection(COLLECTIONS.memberImports)
            .where({ _id: _.in(ids) })
            .limit(MAX_IMPORT_ROWS)
            .get(),
          db
            .collection(COLLECTIONS.members)
            .where({ 'idCard.hash': _.in(hashes) })
            .field({
              _id: true,
              idCard: true,
              importId: true,
              state: true,
              branchId: true,
              orgPath: true,
              candidateScopes: true,
            })
            .limit(MAX_IMPORT_ROWS)
            .get(),
        ])
      : [{ data: [] }, { data: [] }];
    // Rows are matched city-wide by hash, but only records inside the caller's subtree are linked
    // or updated. A match elsewhere is answered exactly as a new row would be and left untouched,
    // so the reply never tells whether a person was found or registered in another district.
    const found = existingRes.data as ImportDoc[];
    const places = await placesOf([...new Set(found.map((d) => d.scopeId))]);
    const ownImport = (d: ImportDoc) => {
      const place = places.get(d.scopeId);
      return !!place && canAdminister(access, place);
    };
    const existing = new Map(found.filter(ownImport).map((d) => [d._id, d]));
    const elsewhere = new Set(found.filter((d) => !ownImport(d)).map((d) => d._id));
    const memberByHash = new Map(
      (membersRes.data as MatchedMember[]).filter((m) => canSeeMember(access, m)).map((m) => [m.idCard.hash, m]),
    );

    for (const v of valid.filter((x) => elsewhere.has(x.doc._id))) {
      results.push({ row: v.row, outcome: 'created', message: '已导入' });
    }
    const fresh = valid.filter((v) => !existing.has(v.doc._id) && !elsewhere.has(v.doc._id));
    for (const v of fresh) {
      const member = memberByHash.get(v.doc.idCard.hash);
      if (member) {
        v.doc.linkedMemberId = member._id;
        v.doc.linkedAt = now;
      }
    }
    // New people in one insert: their ids were just read as absent, so a failure here is a race
    // with another import of the same rows; the whole batch then fails and can be retried as is.
    if (fresh.length) await db.collection(COLLECTIONS.memberImports).add(fresh.map((v) => v.doc));
    for (const v of fresh) {
      const linked = v.doc.linkedMemberId !== null;
      results.push({
        row: v.row,
        outcome: linked ? 'linked_to_member' : 'created',
        message: linked ? '此人已在小程序报到，已关联到其报到记录' : '已导入',
      });
    }
    for (const v of valid.filter((x) => existing.has(x.doc._id))) {
      const before = existing.get(v.doc._id)!;
      const member = memberByHash.get(v.doc.idCard.hash);
      const { _id, importedAt: _at, linkedMemberId: _l, linkedAt: _la, ...update } = v.doc;
      await db
        .collection(COLLECTIONS.memberImports)
        .doc(_id)
        .update({
          ...update,
          ...(member && !before.linkedMemberId ? { linkedMemberId: member._id, linkedAt: now } : {}),
        });
      results.push({ row: v.row, outcome: member ? 'linked_to_member' : 'updated', message: '已更新此前导入的记录' });
    }
    // Members who registered before they were found get the link on their own record too.
    for (const v of valid.filter((x) => !elsewhere.has(x.doc._id))) {
      const member = memberByHash.get(v.doc.idCard.hash);
      if (member && !member.importId) {
        await db.collection(COLLECTIONS.members).doc(member._id).update({ importId: v.doc._id });
      }
    }
    results.sort((a, b) => a.row - b.row);
    await writeAudit({
      actor: caller.openid,
      action: 'member.importRows',
      target: { collection: COLLECTIONS.memberImports, id: scopeId },
      before: null,
      after: { rows: rows.length, outcomes: countOutcomes(results), matchedOutsideScope: elsewhere.size },
    });
    return { results };
  },
};

type MatchedMember = Pick<
  MemberDoc,
  '_id' | 'idCard' | 'importId' | 'state' | 'branchId' | 'orgPath' | 'candidateScopes'
>;

/** The tree places of some nodes, one round trip (none for no ids). */
async function placesOf(ids: string[]): Promise<Map<string, TreePlace>> {
  if (ids.length === 0) return new Map();
  const res = await db
    .collection(COLLECTIONS.orgs)
    .where({ _id: _.in(ids) })
    .field({ _id: true, ancestors: true })
    .limit(ids.length)
    .get();
  return new Map(
    (res.data as { _id: string; ancestors: string[] }[]).map((o) => [o._id, { id: o._id, ancestors: o.ancestors }]),
  );
}

function countOutcomes(results: Result[]): Record<ImportOutcome, number> {
  const counts: Record<ImportOutcome, number> = { created: 0, updated: 0, linked_to_member: 0, invalid: 0 };
  for (const r of results) counts[r.outcome] += 1;
  return counts;
}

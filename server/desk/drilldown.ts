/**
 * `desk.drilldown`: the people behind a figure, for the node to follow up — registrations waiting
 * over a week, members lost contact, members 3 or 6+ months behind with dues. Masked (a name, a
 * masked phone, never a 身份证号), a page at a time by keyset, and every read audited with who,
 * what, when and why. The export writes the same pages, one after another, into a file.
 */
import { COLLECTIONS } from '../../database/collections';
import type { DrilldownList, DrilldownPage, DrilldownRow } from '../../typings/areas/desk';
import { addMonths, monthOf } from '../domain/dues/months';
import { unpaidRunBefore } from '../domain/dues/arrears';
import type { MemberDoc } from '../members/member-doc';
import type { OrgDoc } from '../orgs/org-store';
import { writeAudit } from '../platform/audit';
import type { CallerIdentity } from '../platform/caller';
import { _, db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';
import { cursorSchema, decodeCursor, encodeCursor, readKeysetPage, type KeysetSort } from '../platform/keyset';
import { labelled, z } from '../platform/validation';
import { HISTORY_MONTHS, UNPAID_STATES } from '../dues/records';
import { nodeIdSchema, readableNode } from './node-access';

export const DRILLDOWN_TITLES: Record<DrilldownList, string> = {
  pendingLong: '报到待审核超过 7 天',
  lostContact: '已失联党员',
  arrears3: '连续欠交党费 3 个月以上',
  arrears6: '连续欠交党费 6 个月以上',
};
export const DRILLDOWN_LISTS = Object.keys(DRILLDOWN_TITLES) as DrilldownList[];

const WAIT_DAYS = 7;
const DAY_MS = 24 * 3600_000;
const DEFAULT_PAGE = 50;
export const MAX_PAGE = 500;

type Page = { rows: DrilldownRow[]; nextCursor: string | null };
type MemberFields = Pick<MemberDoc, '_id' | 'name' | 'phone' | 'branchName' | 'submittedAt' | 'residence'>;
const MEMBER_FIELDS = { name: true, phone: true, branchName: true, submittedAt: true, residence: true };

const monthText = (month: string) => `${month.slice(0, 4)}年${Number(month.slice(5))}月`;

/** A page of members found by `where`, masked, each with where they are and why they are listed. */
async function memberPage(
  q: { where: Record<string, unknown>; sort: KeysetSort; cursor: string | undefined; limit: number },
  show: (m: MemberFields) => Pick<DrilldownRow, 'placeName' | 'detail'>,
): Promise<Page> {
  const page = await readKeysetPage<MemberFields>({ collection: COLLECTIONS.members, ...q, field: MEMBER_FIELDS });
  return {
    rows: page.rows.map((m) => ({ name: m.name, phoneMasked: m.phone.masked, ...show(m) })),
    nextCursor: page.nextCursor,
  };
}

const pendingLong = (node: OrgDoc, cursor: string | undefined, limit: number, now: Date) =>
  memberPage(
    {
      where: {
        candidateScopes: node._id,
        state: 'pending',
        submittedAt: _.lt(new Date(now.getTime() - WAIT_DAYS * DAY_MS)),
      },
      sort: [
        ['submittedAt', 'asc'],
        ['_id', 'asc'],
      ],
      cursor,
      limit,
    },
    (m) => ({
      placeName: [m.residence?.districtName, m.residence?.streetName].filter(Boolean).join(''),
      detail: `已等待 ${Math.floor((now.getTime() - new Date(m.submittedAt).getTime()) / DAY_MS)} 天`,
    }),
  );

const lostContact = (node: OrgDoc, cursor: string | undefined, limit: number) =>
  memberPage(
    {
      where: { orgPath: node._id, state: 'lost_contact' },
      sort: [
        ['name', 'asc'],
        ['_id', 'asc'],
      ],
      cursor,
      limit,
    },
    (m) => ({ placeName: m.branchName ?? '', detail: '已标记失联' }),
  );

const ARREARS_SORT = [['_id', 'asc']] as const;

/**
 * Members behind by at least `run` months before this month: their unpaid months grouped on the
 * database, a page of members at a time by member id (a page may hold fewer rows than members read).
 */
async function arrears(node: OrgDoc, run: number, cursor: string | undefined, limit: number, now: Date): Promise<Page> {
  const current = monthOf(now);
  const after = cursor ? String(decodeCursor(cursor, ARREARS_SORT)[0]) : '';
  const $ = db.command.aggregate;
  const res = await db
    .collection(COLLECTIONS.duesMonths)
    .aggregate()
    .match({
      orgPath: node._id,
      state: _.in([...UNPAID_STATES]),
      month: _.gte(addMonths(current, -HISTORY_MONTHS)).and(_.lt(current)),
    })
    .group({ _id: '$memberId', months: $.push('$month') })
    .match({ _id: _.gt(after) })
    .sort({ _id: 1 })
    .limit(limit + 1)
    .end();
  const groups = ((res as { data?: { _id: string; months: string[] }[] }).data ?? []).slice(0, limit + 1);
  const more = groups.length > limit;
  const read = groups.slice(0, limit);
  const behind = read
    .map((g) => ({ id: g._id, months: [...new Set(g.months)].sort(), run: unpaidRunBefore(current, g.months) }))
    .filter((g) => g.run >= run);
  const members =
    behind.length === 0
      ? []
      : ((
          await db
            .collection(COLLECTIONS.members)
            .where({ _id: _.in(behind.map((b) => b.id)) })
            .field(MEMBER_FIELDS)
            .limit(behind.length)
            .get()
        ).data as MemberFields[]);
  const byId = new Map(members.map((m) => [m._id, m]));
  const last = read[read.length - 1];
  return {
    rows: behind.map((b) => {
      const m = byId.get(b.id);
      return {
        name: m?.name ?? '（已注销）',
        phoneMasked: m?.phone.masked ?? '',
        placeName: m?.branchName ?? '',
        detail: `连续欠交 ${b.run} 个月（最早 ${monthText(b.months[0]!)}）`,
      };
    }),
    nextCursor: more && last ? encodeCursor({ _id: last._id }, ARREARS_SORT) : null,
  };
}

/** One page of a list, read as the node's (no audit: the callers audit). */
export function readDrilldown(
  node: OrgDoc,
  list: DrilldownList,
  cursor: string | undefined,
  limit: number,
  now: Date,
): Promise<Page> {
  switch (list) {
    case 'pendingLong':
      return pendingLong(node, cursor, limit, now);
    case 'lostContact':
      return lostContact(node, cursor, limit);
    case 'arrears3':
      return arrears(node, 3, cursor, limit, now);
    case 'arrears6':
      return arrears(node, 6, cursor, limit, now);
    default:
      throw new RangeError(`readDrilldown: unknown list ${String(list)}`);
  }
}

/** Every row of a list, page after page: for the export's streaming writer. */
export async function* allDrilldownRows(node: OrgDoc, list: DrilldownList, now: Date): AsyncGenerator<DrilldownRow> {
  let cursor: string | undefined;
  do {
    const page = await readDrilldown(node, list, cursor, MAX_PAGE, now);
    yield* page.rows;
    cursor = page.nextCursor ?? undefined;
  } while (cursor);
}

export const drilldownListSchema = labelled(z.enum(DRILLDOWN_LISTS as [DrilldownList, ...DrilldownList[]]), '名单');
export const drilldownReasonSchema = labelled(z.string().trim().min(2).max(100), '查看原因');

export async function auditDrilldown(
  caller: CallerIdentity,
  node: OrgDoc,
  what: Record<string, unknown>,
  reason: string,
): Promise<void> {
  await writeAudit({
    actor: caller.openid,
    action: 'desk.drilldown',
    target: { collection: COLLECTIONS.orgs, id: node._id },
    before: null,
    after: what,
    reason,
  });
}

export const drilldown: Handler<'desk', 'drilldown'> = {
  input: z.object({
    nodeId: nodeIdSchema,
    list: drilldownListSchema,
    reason: drilldownReasonSchema,
    cursor: cursorSchema.optional(),
    limit: labelled(z.number().int().min(1).max(MAX_PAGE), '每页条数').optional(),
  }),
  async run({ nodeId, list, reason, cursor, limit }, { caller }) {
    const now = new Date();
    const { node } = await readableNode(caller, nodeId);
    const page = await readDrilldown(node, list, cursor, limit ?? DEFAULT_PAGE, now);
    await auditDrilldown(caller, node, { list, rows: page.rows.length, cursor: cursor ?? null }, reason);
    const result: DrilldownPage = { list, title: DRILLDOWN_TITLES[list], ...page };
    return result;
  },
};

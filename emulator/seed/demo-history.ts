/**
 * Six months of demo history across the six districts, so the organisation desk, its rankings and
 * its trends show something real on the first `npm start`: members registered and assigned month
 * by month, sessions with attendance, dues records and receipts, ledger entries, 摸排 rows and a few
 * registrations still waiting. Written straight into the collections (the functions refuse
 * sessions in the past) in the shapes the functions write, marked `demo: true`; then the scheduler
 * counts them as it would have, month by month, through `jobs.runPeriod` as the system administrator.
 *
 * Deterministic (no randomness): two starts give the same figures. Runs once (a marker member).
 */
import { COLLECTIONS } from '../../database/collections';
import type { Database } from '../../server/platform/cloudbase';
import { sealSensitive } from '../../server/platform/sensitive';
import { idCardCheckChar } from '../../server/domain/id-card';
import { addMonths, monthOf } from '../../server/domain/dues/months';
import { parseReportPeriod } from '../../server/domain/desk/periods';
import { periodKey, previousPeriod } from '../../server/domain/jobs/periods';
import type { FunctionHost } from '../function-host';
import type { Reply } from '../../typings/reply';

const MONTHS = 6;
const BRANCHES_PER_DISTRICT = 4;
const MEMBERS_PER_BRANCH = 14;
const MARKER = 'm_hist_0_0';
const SURNAMES = '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林罗高';
const GIVEN = ['建华', '志强', '秀英', '海涛', '丽娟', '国平', '晓东', '春梅', '伟', '敏', '磊', '静', '军', '艳'];
const DAY = 24 * 3600_000;

/** A number in [0, 1000) from the arguments: the seed's stand-in for chance. */
const h = (...xs: number[]) => xs.reduce((a, x) => (Math.imul(a ^ (x + 1), 2654435761) >>> 0) % 1_000_003, 7) % 1000;

type Org = { _id: string; name: string; ancestors: string[]; type: string };

async function addAll(db: Database, collection: string, docs: Record<string, unknown>[]): Promise<void> {
  for (let i = 0; i < docs.length; i += 500) await db.collection(collection).add(docs.slice(i, i + 500));
}

/** Branches to fill: the first few 流动党员党支部 of each district, in seed order. */
async function branchesByDistrict(db: Database): Promise<Org[]> {
  const res = await db.collection(COLLECTIONS.orgs).where({ type: 'mobile_branch' }).limit(1000).get();
  const all = (res.data as Org[]).sort((a, b) => a._id.localeCompare(b._id));
  const picked: Org[] = [];
  const per = new Map<string, number>();
  for (const b of all) {
    const district = b.ancestors[1] ?? b._id;
    if ((per.get(district) ?? 0) >= BRANCHES_PER_DISTRICT) continue;
    per.set(district, (per.get(district) ?? 0) + 1);
    picked.push(b);
  }
  return picked;
}

const idCardOf = (b: number, k: number) => {
  const body = `350203${1975 + ((b * 7 + k) % 25)}${String(1 + (k % 12)).padStart(2, '0')}${String(1 + ((b + k) % 28)).padStart(2, '0')}${String(100 + b * 20 + k).slice(-3)}`;
  return `${body}${idCardCheckChar(body)}`;
};
const phoneOf = (b: number, k: number) => `139${String(10_000_000 + b * 100 + k).slice(-8)}`;

async function call(host: FunctionHost, name: string, event: Record<string, unknown>): Promise<unknown> {
  const { reply } = await host.invoke(name, event, { openid: 'demo-super' });
  const r = reply as Reply<unknown>;
  if (!r.ok) throw new Error(`demo history: ${name}.${String(event.action)}: ${r.error.code} ${r.error.message}`);
  return r.data;
}

export interface HistoryReport {
  members: number;
  sessions: number;
  attendance: number;
  duesMonths: number;
  ledger: number;
  monthsClosed: number;
}

export async function seedDemoHistory(
  db: Database,
  host: FunctionHost,
  now = new Date(),
): Promise<HistoryReport | null> {
  const marker = await db.collection(COLLECTIONS.members).doc(MARKER).get();
  if ((marker.data as unknown[]).length > 0) return null;
  const branches = await branchesByDistrict(db);
  const current = monthOf(now);
  const months = Array.from({ length: MONTHS }, (_x, i) => addMonths(current, i - MONTHS)); // oldest first
  const first = parseReportPeriod(months[0]!)!;

  const members: Record<string, unknown>[] = [];
  const imports: Record<string, unknown>[] = [];
  const sessions: Record<string, unknown>[] = [];
  const attendance: Record<string, unknown>[] = [];
  const dues: Record<string, unknown>[] = [];
  const payments: Record<string, unknown>[] = [];
  const ledger: Record<string, unknown>[] = [];

  branches.forEach((branch, b) => {
    const orgPath = [...branch.ancestors, branch._id];
    const street = branch.ancestors.slice(0, 3);
    const ids: { id: string; joined: Date; k: number }[] = [];
    for (let k = 0; k < MEMBERS_PER_BRANCH; k++) {
      const id = `m_hist_${b}_${k}`;
      // Joined over the six months: about half before the first, the rest month by month.
      const joined = new Date(
        first.start.getTime() + (k < 7 ? -30 : ((k - 7) * MONTHS * 30) / 7) * DAY + h(b, k) * 3600_000,
      );
      const submitted = new Date(joined.getTime() - (1 + (h(k, b) % 9)) * DAY);
      const waiting = k === MEMBERS_PER_BRANCH - 1 && b % 3 === 0;
      const name = `${SURNAMES[(b * 3 + k) % SURNAMES.length]}${GIVEN[(b + k * 5) % GIVEN.length]}`;
      const idCard = sealSensitive('idCard', idCardOf(b, k));
      members.push({
        _id: id,
        openid: `o_hist_${b}_${k}`,
        name,
        gender: k % 2 ? 'male' : 'female',
        ethnicity: '汉族',
        birthDate: '1985-01-01',
        idCard,
        phone: sealSensitive('phone', phoneOf(b, k)),
        joinedPartyOn: '2010-07-01',
        partyStatus: k % 5 === 4 ? 'probationary' : 'full',
        home: { orgName: '（演示）外省某县某村党支部', province: '江西省', county: '宁都县' },
        leftHomeOn: '2020-03',
        leftHomeReason: '外出务工',
        residence: {
          districtId: street[1],
          streetId: street[2] ?? null,
          communityId: null,
          address: '演示地址',
          districtName: '',
          streetName: '',
          communityName: null,
        },
        work: { industry: ['express', 'food_delivery', 'ride_hailing'][k % 3], employer: null, job: null },
        holdsPaperCertificate: false,
        wish: 'near_residence',
        privacyConsent: { version: 'demo', at: submitted },
        scene: null,
        state: waiting ? 'pending' : 'active',
        sentBackReason: null,
        branchId: waiting ? null : branch._id,
        branchName: waiting ? null : branch.name,
        orgPath: waiting ? [] : orgPath,
        candidateScopes: waiting ? branch.ancestors : [],
        pairedWith: null,
        importId: null,
        history: waiting
          ? [{ from: null, to: 'pending', by: 'seed', at: new Date(now.getTime() - (3 + b) * DAY), reason: '演示数据' }]
          : [
              { from: null, to: 'pending', by: 'seed', at: submitted, reason: '演示数据' },
              { from: 'pending', to: 'active', by: 'seed', at: joined, reason: '演示数据' },
            ],
        fingerprint: 'demo-history',
        submittedAt: waiting ? new Date(now.getTime() - (3 + b) * DAY) : submitted,
        updatedAt: joined,
        demo: true,
      });
      // 摸排 found most of them first, and a few more not registered yet.
      if (h(b, k, 1) < 800 || k < 2) {
        imports.push({
          _id: `imp_hist_${b}_${k}`,
          scopeId: street[2] ?? branch.ancestors.at(-1),
          scopePath: branch.ancestors,
          name,
          idCard,
          phone: null,
          foundAt: ['城中村入户摸排', '企业走访', '工地排查'][k % 3],
          notes: '',
          importedBy: 'seed',
          importedAt: new Date(submitted.getTime() - 5 * DAY),
          linkedMemberId: null,
          linkedAt: null,
          demo: true,
        });
      }
      if (!waiting) ids.push({ id, joined, k });
    }

    for (const [mi, month] of [...months, current].entries()) {
      const p = parseReportPeriod(month)!;
      const inBranch = ids.filter((m) => m.joined < p.end);
      // Sessions: a 党小组会 and a 主题党日 every month (one branch in four misses the group meeting), a
      // 党课 or 党员大会 each quarter's last month, a volunteer session every other month.
      const kinds = [
        ...(h(b, mi, 2) < 250 ? [] : ['group']),
        'theme_day',
        ...(Number(month.slice(5)) % 3 === 0 ? ['lecture', 'branch_assembly'] : []),
        ...(mi % 2 === 0 ? ['volunteer'] : []),
      ];
      kinds.forEach((kind, si) => {
        const startAt = new Date(p.start.getTime() + (3 + si * 6) * DAY + 19 * 3600_000);
        if (startAt.getTime() > now.getTime() - 2 * 3600_000) return;
        const id = `s_hist_${b}_${month}_${si}`;
        const expected = inBranch.filter((m) => m.joined <= startAt);
        sessions.push({
          _id: id,
          kind,
          title: `（演示）${month} ${kind === 'theme_day' ? '主题党日' : kind === 'group' ? '党小组会' : kind === 'volunteer' ? '志愿服务' : kind === 'lecture' ? '党课' : '支部党员大会'}`,
          agenda: '演示数据',
          startAt,
          endAt: new Date(startAt.getTime() + 90 * 60_000),
          place: { type: 'address', address: '流动党员服务管理站（演示）' },
          onlineUrl: null,
          capacity: null,
          seatShards: 1,
          audience: { type: 'branch', orgId: branch._id, orgName: branch.name },
          audienceKey: `b:${branch._id}`,
          ownerPath: orgPath,
          branchId: branch._id,
          materials: { text: '', links: [], images: [] },
          serviceHours: kind === 'volunteer' ? 3 : null,
          hasVote: false,
          expected: expected.length,
          state: 'published',
          cancelReason: null,
          version: 1,
          createdBy: 'seed',
          createdAt: startAt,
          updatedAt: startAt,
          tallyDue: true,
          tallyRevision: 0,
          tally: null,
          demo: true,
        });
        for (const m of expected) {
          const roll = h(b, m.k, mi, si);
          const status = roll < 720 + b * 8 ? 'attended' : roll < 820 ? 'leave' : null;
          if (!status) continue;
          attendance.push({
            _id: `${id}~${m.id}`,
            sessionId: id,
            memberId: m.id,
            openid: `o_hist_${b}_${m.k}`,
            memberName: '',
            memberBranchId: branch._id,
            memberBranchName: branch.name,
            partyStatus: 'full',
            inflow: true,
            sessionKind: kind,
            sessionTitle: '演示',
            sessionStartAt: startAt,
            sessionEndAt: new Date(startAt.getTime() + 90 * 60_000),
            sessionOwnerPath: orgPath,
            sessionAudienceType: 'branch',
            sessionBranchId: branch._id,
            sessionServiceHours: kind === 'volunteer' ? 3 : null,
            status,
            seatShard: null,
            signedUpAt: null,
            leaveReason: status === 'leave' ? '外出送单' : null,
            checkedInAt: status === 'attended' ? startAt : null,
            checkIn: status === 'attended' ? { method: 'qr', by: `o_hist_${b}_${m.k}`, reason: null } : null,
            points: null,
            changed: false,
            changeNote: null,
            updatedAt: startAt,
            demo: true,
          });
          if (status === 'attended') {
            ledger.push({
              _id: `e_hist_${id}_${m.id}`,
              memberId: m.id,
              ruleCode: kind === 'volunteer' ? 'volunteer.hour' : 'attendance.branch_meeting',
              ruleName: kind === 'volunteer' ? '志愿服务' : '参加组织生活',
              category: kind === 'volunteer' ? 'volunteer' : 'organisational_life',
              unit: kind === 'volunteer' ? 'hour' : 'time',
              points: kind === 'volunteer' ? 3 : 2,
              quantity: kind === 'volunteer' ? 3 : 1,
              source: { type: 'attendance', id: `${id}~${m.id}` },
              approvedBy: 'system',
              reason: '演示数据',
              recordedAt: new Date(startAt.getTime() + 2 * 3600_000),
              occurredAt: startAt,
              year: Number(month.slice(0, 4)),
              month: month.slice(5),
              orgPath,
              demo: true,
            });
          }
        }
      });
      // Dues: most pay in the month; member 3 of every other branch stops paying three months ago,
      // member 5 of one branch in five has not paid for six months and more.
      for (const m of inBranch) {
        const behind =
          (m.k === 3 && b % 2 === 0 && mi >= MONTHS - 3) ||
          (m.k === 5 && b % 5 === 0) ||
          (month === current && h(b, m.k) < 400);
        const waived = m.k === 6 && b % 4 === 1;
        const amountFen = 500 + (h(m.k, b) % 20) * 100;
        const paidAt = new Date(p.start.getTime() + (2 + (h(b, m.k, mi) % 20)) * DAY);
        const paid = !behind && !waived && paidAt.getTime() < now.getTime();
        dues.push({
          _id: `${m.id}_${month}`,
          memberId: m.id,
          memberName: '',
          branchId: branch._id,
          orgPath,
          month,
          standardFen: amountFen,
          amountFen: waived ? 0 : amountFen,
          state: waived ? 'waived' : paid ? 'paid' : 'due',
          relief: waived ? { kind: 'waive', reason: '生活困难（演示）', approvedBy: 'seed' } : null,
          payment: null,
          onTime: paid ? true : null,
          createdBy: 'timer',
          createdAt: p.start,
          updatedAt: paid ? paidAt : p.start,
          history: [],
          demo: true,
        });
        if (paid) {
          payments.push({
            _id: `pay_hist_${m.id}_${month}`,
            kind: 'payment',
            memberId: m.id,
            memberName: '',
            branchId: branch._id,
            orgPath,
            channel: 'wxpay',
            receiptNo: `HIST${b}${m.k}${month.replace('-', '')}`,
            months: [{ month, amountFen }],
            totalFen: amountFen,
            paidAt,
            recordedAt: paidAt,
            recordedBy: 'seed',
            recordedByName: null,
            orderId: null,
            transactionId: null,
            reverses: null,
            note: '演示数据',
            demo: true,
          });
        }
      }
    }
  });

  await addAll(db, COLLECTIONS.members, members);
  await addAll(db, COLLECTIONS.memberImports, imports);
  await addAll(db, COLLECTIONS.sessions, sessions);
  await addAll(db, COLLECTIONS.sessionAttendance, attendance);
  await addAll(db, COLLECTIONS.duesMonths, dues);
  await addAll(db, COLLECTIONS.duesPayments, payments);
  await addAll(db, COLLECTIONS.pointsLedger, ledger);

  // The scheduler, as it would have run: sessions counted, each month closed, the reports issued.
  await call(host, 'jobs', { action: 'runPeriod', jobId: 'sessions.tally', period: periodKey('tenMinutes', now) });
  for (const month of months) {
    await call(host, 'jobs', { action: 'runPeriod', jobId: 'desk.close-month', period: addMonths(month, 1) });
    await call(host, 'jobs', { action: 'runPeriod', jobId: 'desk.report-month', period: addMonths(month, 1) });
  }
  await call(host, 'jobs', { action: 'runPeriod', jobId: 'desk.refresh-month', period: periodKey('hour', now) });
  let week = periodKey('week', now);
  for (let i = 0; i < 4; i++) {
    await call(host, 'jobs', { action: 'runPeriod', jobId: 'desk.report-week', period: week });
    week = previousPeriod('week', week);
  }
  await call(host, 'jobs', { action: 'runPeriod', jobId: 'desk.report-quarter', period: periodKey('quarter', now) });
  return {
    members: members.length,
    sessions: sessions.length,
    attendance: attendance.length,
    duesMonths: dues.length,
    ledger: ledger.length,
    monthsClosed: months.length,
  };
}

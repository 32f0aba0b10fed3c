import { grantByInvitation } from '../../helpers/grants';
import { COLLECTIONS } from '../../../database/collections';
import { aPhone, aRegistration, anIdCard } from '../../helpers/registration';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

const row = (idCardNumber: string, name = '陈阿明') => ({
  name,
  idCardNumber,
  phone: aPhone(),
  foundAt: '中华街道城中村摸排',
});

describe('member.importRows (摸排)', () => {
  it('imports good rows, reports bad ones, and writes nothing half', async () => {
    const good = anIdCard();
    const rows = [
      row(good),
      { ...row(anIdCard()), idCardNumber: '350203199001011230' },
      row(good, '同一人'),
      { ...row(anIdCard()), name: '' },
    ];
    const { results } = expectOk(
      (await t.call('member', 'importRows', { scopeId: 'xm-siming', rows }, 'demo-admin')).reply,
    );
    expect(results.map((r) => r.outcome)).toEqual(['created', 'invalid', 'invalid', 'invalid']);
    expect(results[1]!.message).toMatch(/^身份证号：/);
    expect(results[2]!.message).toBe('与第 1 行是同一人');
    const stored = await t.db.collection(COLLECTIONS.memberImports).where({ scopeId: 'xm-siming' }).get();
    expect(stored.data).toHaveLength(1);
    expect(JSON.stringify(stored.data)).not.toContain(good);
  });

  it('updates on a second import instead of duplicating', async () => {
    const id = anIdCard();
    expectOk((await t.call('member', 'importRows', { scopeId: 'xm-siming', rows: [row(id)] }, 'demo-admin')).reply);
    const again = expectOk(
      (
        await t.call(
          'member',
          'importRows',
          { scopeId: 'xm-siming', rows: [{ ...row(id), notes: '复核' }] },
          'demo-admin',
        )
      ).reply,
    );
    expect(again.results[0]!.outcome).toBe('updated');
    const count = await t.db.collection(COLLECTIONS.memberImports).where({ notes: '复核' }).count();
    expect(count.total).toBe(1);
  });

  it('links the import when that person registers, instead of a second record', async () => {
    const id = anIdCard();
    expectOk((await t.call('member', 'importRows', { scopeId: 'xm-siming', rows: [row(id)] }, 'demo-admin')).reply);
    const me = expectOk((await t.call('member', 'register', aRegistration({ idCardNumber: id }), 'o-imp-1')).reply);
    const member = await t.db.collection(COLLECTIONS.members).doc(me.memberId).get();
    expect(member.data[0].importId).toMatch(/^imp_/);
    const imp = await t.db.collection(COLLECTIONS.memberImports).doc(member.data[0].importId).get();
    expect(imp.data[0].linkedMemberId).toBe(me.memberId);
  });

  it('links a person who registered before being found', async () => {
    const id = anIdCard();
    const me = expectOk((await t.call('member', 'register', aRegistration({ idCardNumber: id }), 'o-imp-2')).reply);
    const { results } = expectOk(
      (await t.call('member', 'importRows', { scopeId: 'xm-siming', rows: [row(id)] }, 'demo-admin')).reply,
    );
    expect(results[0]!.outcome).toBe('linked_to_member');
    const member = await t.db.collection(COLLECTIONS.members).doc(me.memberId).get();
    expect(member.data[0].importId).toMatch(/^imp_/);
  });

  it('is for administrators of that node only', async () => {
    for (const [who, scopeId] of [
      ['demo-secretary', 'xm-siming'],
      ['demo-member', 'xm-siming'],
      ['demo-admin', 'xm-huli'],
    ]) {
      const { reply } = await t.call('member', 'importRows', { scopeId: scopeId!, rows: [row(anIdCard())] }, who);
      expect(reply).toMatchObject({ ok: false, error: { code: 'PERMISSION_DENIED' } });
    }
  });

  it('refuses an empty or oversized upload', async () => {
    const empty = await t.call('member', 'importRows', { scopeId: 'xm-siming', rows: [] }, 'demo-admin');
    expect(empty.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'rows' } });
    const big = Array.from({ length: 501 }, () => row('x'));
    const over = await t.call('member', 'importRows', { scopeId: 'xm-siming', rows: big }, 'demo-admin');
    expect(over.reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'rows' } });
  });
});

describe('member.importRows stays inside the caller’s scope', () => {
  it('a 思明 administrator cannot rewrite a 湖里 record or link a 湖里 member, and learns nothing of either', async () => {
    await grantByInvitation(t, { to: 'o-imp-huli', role: 'admin', scopeId: 'xm-huli' });
    const foundInHuli = anIdCard();
    expectOk(
      (await t.call('member', 'importRows', { scopeId: 'xm-huli', rows: [row(foundInHuli, '湖里发现')] }, 'o-imp-huli'))
        .reply,
    );
    const storedBefore = (await t.db.collection(COLLECTIONS.memberImports).where({ scopeId: 'xm-huli' }).get()).data;

    // A member registered and assigned in 湖里.
    const registration = aRegistration({ name: '湖里党员' });
    const { memberId } = expectOk((await t.call('member', 'register', registration, 'o-imp-huli-member')).reply);
    expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-huli-mobile' }, 'demo-super')).reply);
    const memberBefore = (await t.db.collection(COLLECTIONS.members).doc(memberId).get()).data[0];

    const nobody = anIdCard();
    const { results } = expectOk(
      (
        await t.call(
          'member',
          'importRows',
          {
            scopeId: 'xm-siming',
            rows: [row(foundInHuli, '思明改名'), row(registration.idCardNumber, '思明发现'), row(nobody, '新发现')],
          },
          'demo-admin',
        )
      ).reply,
    );
    // Each answered exactly as a person nobody has found or registered.
    expect(results.map((r) => [r.outcome, r.message])).toEqual([
      ['created', '已导入'],
      ['created', '已导入'],
      ['created', '已导入'],
    ]);
    expect((await t.db.collection(COLLECTIONS.memberImports).where({ scopeId: 'xm-huli' }).get()).data).toEqual(
      storedBefore,
    );
    expect((await t.db.collection(COLLECTIONS.members).doc(memberId).get()).data[0]).toEqual(memberBefore);
  });
});

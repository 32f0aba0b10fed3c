import { startTestCloud, type TestCloud } from '../helpers/local-cloud';
import { COLLECTIONS } from '../../database/collections';
import * as audit from '../../server/platform/audit';
import * as access from '../../server/platform/access';
import * as cloudbase from '../../server/platform/cloudbase';
import { countRoundTrips } from '../../emulator/round-trips';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

describe('audit log', () => {
  it('records who changed what, with before and after', async () => {
    await audit.writeAudit({
      actor: 'demo-admin',
      action: 'org.rename',
      target: { collection: 'orgs', id: 'xm-siming-zhonghua' },
      before: { name: '中华街道' },
      after: { name: '中华街道（新）' },
      reason: '测试',
    });
    const res = await t.db.collection(COLLECTIONS.auditLog).where({ 'target.id': 'xm-siming-zhonghua' }).get();
    expect(res.data).toHaveLength(1);
    expect(res.data[0]).toMatchObject({ actor: 'demo-admin', action: 'org.rename', after: { name: '中华街道（新）' } });
    expect(res.data[0].at).toBeInstanceOf(Date);
  });

  it('commits or rolls back with the change it records', async () => {
    await expect(
      cloudbase.db.runTransaction(async (tx: cloudbase.Transaction) => {
        await audit.writeAudit(
          { actor: 'x', action: 'doomed', target: { collection: 'orgs', id: 'xm' }, before: null, after: null },
          tx,
        );
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const res = await t.db.collection(COLLECTIONS.auditLog).where({ action: 'doomed' }).count();
    expect(res.total).toBe(0);
  });
});

describe('access', () => {
  it('loads the grants of a caller in one query and checks scope', async () => {
    const admin = await access.loadAccess({ openid: 'demo-admin', appid: null });
    expect(() =>
      access.requireAdminOver(admin, { id: 'xm-siming-zhonghua', ancestors: ['xm', 'xm-siming'] }),
    ).not.toThrow();
    expect(() => access.requireAdminOver(admin, { id: 'xm-huli', ancestors: ['xm'] })).toThrow(
      '该组织不在您的管理范围内',
    );
    const secretary = await access.loadAccess({ openid: 'demo-secretary', appid: null });
    expect(() =>
      access.requireBranchManager(secretary, { id: 'xm-siming-mobile', ancestors: ['xm', 'xm-siming'] }),
    ).not.toThrow();
    expect(() =>
      access.requireBranchManager(secretary, { id: 'xm-huli-mobile', ancestors: ['xm', 'xm-huli'] }),
    ).toThrow();
    const member = await access.loadAccess({ openid: 'demo-member', appid: null });
    expect(() => access.requireAnyManager(member)).toThrow('仅支部书记或管理员可以使用此功能');
  });
});

describe('the where()-inside-a-transaction trap, as a function invocation meets it', () => {
  it('fails the transaction at once and leaves the where() write undone', async () => {
    const { db, _ } = cloudbase;
    const attempt = countRoundTrips(
      () =>
        db.runTransaction(async (tx: cloudbase.Transaction) => {
          await tx.collection(COLLECTIONS.orgs).doc('xm').get();
          // Sent without the transaction id by the SDK: it would run outside the transaction.
          await db
            .collection(COLLECTIONS.orgs)
            .where({ parentId: 'xm' })
            .update({ sort: _.inc(100) });
        }),
      'invocation-trap-1',
    );
    await expect(attempt).rejects.toMatchObject({ code: 'DATABASE_TRANSACTION_FAIL' });
    const moved = await t.db
      .collection(COLLECTIONS.orgs)
      .where({ parentId: 'xm', sort: _.gte(100) })
      .count();
    expect(moved.total).toBe(0);
  });
});

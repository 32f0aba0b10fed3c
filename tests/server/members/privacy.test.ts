/**
 * Personal data that outlives its reason: a paired contact's phone once the contact has left the
 * branch, and the home organisation's contact phone (流出地联系电话), sealed and masked like every other.
 */
import { COLLECTIONS } from '../../../database/collections';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import { aPhone, aRegistration } from '../../helpers/registration';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

let n = 0;
async function anAssignedMember(name: string, input = aRegistration({ name })) {
  const openid = `o-privacy-${++n}`;
  const { memberId } = expectOk((await t.call('member', 'register', input, openid)).reply);
  expectOk((await t.call('member', 'assign', { memberId, branchId: 'xm-siming-mobile' }, 'demo-super')).reply);
  return { openid, memberId, input };
}

describe('a paired contact', () => {
  it.each(['transferred', 'lost_contact', 'returned_home'] as const)(
    'is no longer shown, phone and all, once they are %s',
    async (to) => {
      const member = await anAssignedMember('王骑手');
      const contact = await anAssignedMember('李委员');
      expectOk(
        (
          await t.call(
            'member',
            'pair',
            { memberId: member.memberId, contactMemberId: contact.memberId },
            'demo-secretary',
          )
        ).reply,
      );
      const paired = expectOk((await t.call('member', 'me', {}, member.openid)).reply);
      expect(paired?.pairedContact).toEqual({ name: '李委员', phone: contact.input.phone });

      expectOk(
        (
          await t.call(
            'member',
            'changeState',
            { memberId: contact.memberId, to, reason: '情况变化' },
            'demo-secretary',
          )
        ).reply,
      );
      const after = expectOk((await t.call('member', 'me', {}, member.openid)).reply);
      expect(after?.pairedContact).toBeNull();
      expect(JSON.stringify(after)).not.toContain(contact.input.phone);
      const stored = (await t.db.collection(COLLECTIONS.members).doc(member.memberId).get()).data[0] as {
        pairedWith: unknown;
      };
      expect(stored.pairedWith).toBeNull();
    },
  );

  it('is hidden even when the record still names them (the contact moved on by another way)', async () => {
    const member = await anAssignedMember('赵骑手');
    const contact = await anAssignedMember('钱委员');
    expectOk(
      (
        await t.call(
          'member',
          'pair',
          { memberId: member.memberId, contactMemberId: contact.memberId },
          'demo-secretary',
        )
      ).reply,
    );
    await t.db.collection(COLLECTIONS.members).doc(contact.memberId).update({ state: 'lost_contact' });
    const after = expectOk((await t.call('member', 'me', {}, member.openid)).reply);
    expect(after?.pairedContact).toBeNull();
  });
});

describe('the home organisation’s contact phone', () => {
  it('is stored sealed, shown masked to the secretary, and in full only through an audited reveal', async () => {
    const phone = aPhone();
    const base = aRegistration({ name: '孙师傅' });
    const { memberId } = await anAssignedMember('孙师傅', {
      ...base,
      home: { ...base.home, contactName: '周部长', contactPhone: phone },
    });
    const stored = (await t.db.collection(COLLECTIONS.members).doc(memberId).get()).data[0];
    expect(JSON.stringify(stored)).not.toContain(phone);

    const detail = expectOk((await t.call('member', 'detail', { memberId }, 'demo-secretary')).reply);
    expect(detail.home.contactPhone).toBe(`${phone.slice(0, 3)}****${phone.slice(7)}`);
    const shown = expectOk(
      (await t.call('member', 'reveal', { memberId, reason: '联系流出地党组织' }, 'demo-secretary')).reply,
    );
    expect(shown.homeContactPhone).toBe(phone);
  });

  it('takes a landline with its area code, and refuses what is not a phone number', async () => {
    const base = aRegistration({ name: '吴师傅' });
    const { memberId } = await anAssignedMember('吴师傅', {
      ...base,
      home: { ...base.home, contactPhone: '0797 8123456' },
    });
    const detail = expectOk((await t.call('member', 'detail', { memberId }, 'demo-secretary')).reply);
    expect(detail.home.contactPhone).toBe('079*****3456');

    const bad = aRegistration({ name: '郑师傅' });
    const before = (await t.db.collection(COLLECTIONS.members).count()).total;
    const { reply } = await t.call(
      'member',
      'register',
      { ...bad, home: { ...bad.home, contactPhone: '找村委会' } },
      'o-privacy-bad',
    );
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGUMENT', field: 'home.contactPhone' } });
    expect((await t.db.collection(COLLECTIONS.members).count()).total).toBe(before);
  });
});

import { COLLECTIONS } from '../../../database/collections';
import { aRegistration, anIdCard } from '../../helpers/registration';
import { expectOk, startTestCloud, type TestCloud } from '../../helpers/local-cloud';
import type { RegistrationInput } from '../../../typings/areas/member';

let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud();
});
afterAll(() => t.close());

let n = 0;
const newOpenid = () => `o-reg-${++n}`;
const memberCount = async () => (await t.db.collection(COLLECTIONS.members).count()).total;
const register = (input: RegistrationInput, openid: string) => t.call('member', 'register', input, openid);

describe('member.register', () => {
  it('records a pending registration and returns the member page', async () => {
    const openid = newOpenid();
    const input = aRegistration();
    const { reply } = await register(input, openid);
    const me = expectOk(reply);
    expect(me).toMatchObject({
      memberId: `m_${openid}`,
      name: '张建华',
      state: 'pending',
      branch: null,
      certificate: null,
      residence: { district: '思明区', street: '中华街道', community: '仁安社区', address: '大同路 100 号' },
      phoneMasked: `${input.phone.slice(0, 3)}****${input.phone.slice(7)}`,
    });
    expect(me.idCardMasked).toMatch(/^3\*{16}.$/);
  });

  it('stores no plaintext 身份证号 or phone anywhere', async () => {
    const input = aRegistration();
    expectOk((await register(input, newOpenid())).reply);
    const all = await t.db.collection(COLLECTIONS.members).limit(1000).get();
    const text = JSON.stringify(all.data);
    expect(text).not.toContain(input.idCardNumber);
    expect(text).not.toContain(input.phone);
  });

  it('is idempotent: a retried submission returns the same record and changes nothing', async () => {
    const openid = newOpenid();
    const input = aRegistration();
    const first = expectOk((await register(input, openid)).reply);
    const before = await memberCount();
    const again = expectOk((await register(input, openid)).reply);
    expect(again).toEqual(first);
    expect(await memberCount()).toBe(before);
    const doc = await t.db.collection(COLLECTIONS.members).doc(first.memberId).get();
    expect(doc.data[0].history).toHaveLength(1);
  });

  it('lets a pending member correct and resubmit, keeping the history', async () => {
    const openid = newOpenid();
    const input = aRegistration();
    expectOk((await register(input, openid)).reply);
    const fixed = expectOk(
      (await register({ ...input, residence: { ...input.residence, address: '中山路 1 号' } }, openid)).reply,
    );
    expect(fixed.residence.address).toBe('中山路 1 号');
    const doc = await t.db.collection(COLLECTIONS.members).doc(fixed.memberId).get();
    expect(doc.data[0].history.map((h: { reason: string }) => h.reason)).toEqual(['本人报到', '本人修改后重新提交']);
  });

  it('refuses the same person from a second account with CONFLICT, revealing nothing', async () => {
    const input = aRegistration({ name: '王秀英' });
    expectOk((await register(input, newOpenid())).reply);
    const before = await memberCount();
    const { reply } = await register({ ...input, name: '别人', phone: '13900000000' }, newOpenid());
    expect(reply).toEqual({
      ok: false,
      error: { code: 'CONFLICT', message: '该身份证号已在其他微信账号上报到。如需更换账号，请联系所在支部处理' },
    });
    expect(JSON.stringify(reply)).not.toContain('王秀英');
    expect(await memberCount()).toBe(before);
  });

  it('refuses to register again once assigned', async () => {
    const { reply } = await register(aRegistration(), 'demo-member');
    expect(reply).toMatchObject({ ok: false, error: { code: 'ALREADY_EXISTS' } });
  });

  it('lets concurrent double taps create one record', async () => {
    const openid = newOpenid();
    const input = aRegistration();
    const replies = await Promise.all([register(input, openid), register(input, openid), register(input, openid)]);
    const ok = replies.filter((r) => r.reply.ok);
    expect(ok.length).toBeGreaterThanOrEqual(1);
    const docs = await t.db.collection(COLLECTIONS.members).where({ openid }).count();
    expect(docs.total).toBe(1);
  });

  const valid = aRegistration();
  const wrongCheck = valid.idCardNumber.slice(0, 17) + (valid.idCardNumber[17] === '0' ? '1' : '0');
  it.each<[string, Partial<RegistrationInput>, string, RegExp]>([
    ['a wrong check digit', { idCardNumber: wrongCheck }, 'idCardNumber', /^身份证号：校验位不正确/],
    ['a 15-digit 身份证号', { idCardNumber: '350203900101123' }, 'idCardNumber', /^身份证号：/],
    [
      'a birth date that disagrees with the 身份证号',
      { birthDate: '1991-01-01' },
      'birthDate',
      /^出生日期：与身份证号/,
    ],
    [
      'a gender that disagrees with the 身份证号',
      { gender: valid.gender === 'male' ? 'female' : 'male' },
      'gender',
      /^性别：/,
    ],
    ['a landline instead of a mobile', { phone: '0592-1234567' }, 'phone', /^手机号：/],
    [
      'joining the party before eighteen',
      { joinedPartyOn: `${Number(valid.birthDate.slice(0, 4)) + 17}${valid.birthDate.slice(4)}` },
      'joinedPartyOn',
      /年满十八周岁/,
    ],
    ['joining the party in the future', { joinedPartyOn: '2999-07-01' }, 'joinedPartyOn', /不能晚于今天/],
    ['a malformed date', { joinedPartyOn: '2015/07/01' }, 'joinedPartyOn', /^入党日期：格式应为/],
    ['leaving home in the future', { leftHomeOn: '2999-01' }, 'leftHomeOn', /不能晚于本月/],
    ['an empty name', { name: '  ' }, 'name', /^姓名：/],
    ['an unknown industry', { work: { industry: 'astronaut' as never } }, 'work.industry', /^从事行业：不是可选的值/],
    ['a missing privacy consent', { privacyConsentVersion: '' }, 'privacyConsentVersion', /^隐私保护指引版本：/],
    [
      'a street outside the district',
      { residence: { ...valid.residence, streetId: 'xm-huli-huli' } },
      'residence.streetId',
      /不属于所选的区/,
    ],
    [
      'a community outside the street',
      { residence: { ...valid.residence, communityId: 'xm-siming-lianqian-c01' } },
      'residence.communityId',
      /不属于所选的街道/,
    ],
    [
      'an unknown district',
      { residence: { ...valid.residence, districtId: 'xm-nowhere' } },
      'residence.districtId',
      /^所在区：/,
    ],
  ])('refuses %s, naming the field, and writes nothing', async (_what, change, field, message) => {
    const before = await memberCount();
    const { reply } = await register({ ...valid, ...change }, newOpenid());
    expect(reply.ok).toBe(false);
    if (!reply.ok) {
      expect(reply.error.code).toBe('INVALID_ARGUMENT');
      expect(reply.error.field).toBe(field);
      expect(reply.error.message).toMatch(message);
    }
    expect(await memberCount()).toBe(before);
  });

  it('takes the same number of round trips with 1 or 60 members registered', async () => {
    const first = await register(aRegistration(), newOpenid());
    for (let i = 0; i < 60; i++) await register(aRegistration({ idCardNumber: anIdCard('19850505') }), newOpenid());
    const later = await register(aRegistration(), newOpenid());
    expect(first.reply.ok && later.reply.ok).toBe(true);
    expect(later.roundTrips).toBe(first.roundTrips);
    expect(later.roundTrips).toBeLessThanOrEqual(8);
  });
});

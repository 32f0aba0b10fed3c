/** 报到 (pages-member/register/index): the form, its messages, and nothing sent while something is wrong. */
import { ok } from './builders';
import { settle, tap, textOf } from './harness';
import { aMembership, callsTo, stubBackend } from './member-builders';
import {
  VALID_ID,
  errorText,
  fillStepOne,
  fillValidForm,
  leave,
  nextStep,
  openRegister,
  stepShown,
  typeInto,
} from './register-driver';

// The form renders a few hundred TDesign nodes and a test fills every field: slower than a 5 s default allows
// on a busy machine.
jest.setTimeout(30000);

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(wx, 'pageScrollTo').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('报到 form', () => {
  test('shows the sections in plain words, with the privacy notice and nothing filled in', async () => {
    stubBackend();
    const page = await openRegister();
    const titles = page.querySelectorAll('.section-title').map((t) => textOf(t));
    expect(titles).toEqual([
      '基本信息',
      '党员信息',
      '老家的党组织（流出地）',
      '现在住在哪里',
      '工作情况',
      '想在哪里参加组织生活',
      '个人信息保护',
    ]);
    expect(textOf(page.querySelector('#privacy'))).toContain('加密保存');
    expect(textOf(page.querySelector('#cell-ethnicity'), '.t-cell')).toContain('汉族');
    expect(textOf(page.querySelector('#field-wish'))).toContain('编入您现在居住的社区或街道');
    // Three steps: the first on screen, moved on with 下一步.
    expect(textOf(page.querySelector('#progress-text'))).toBe('第 1 步，共 3 步：您的身份');
    expect(textOf(page.querySelector('#next'), '.t-button')).toBe('下一步');
    expect(page.querySelector('#submit')).toBeUndefined();
    expect(page.querySelector('#back')).toBeUndefined();
  });

  test('a 身份证号 with a wrong check digit is explained when the person leaves the box', async () => {
    stubBackend();
    const page = await openRegister();

    await typeInto(page, '#input-idCardNumber', '350206198503124510');
    expect(page.querySelector('#error-idCardNumber')).toBeUndefined();
    await leave(page, '#input-idCardNumber');

    expect(errorText(page, 'idCardNumber')).toBe('身份证号有误（最后一位校验码对不上），请逐位核对');
    expect(textOf(page.querySelector('#birth-date'), '.t-cell')).toContain('填好身份证号后自动显示');
  });

  test('a valid 身份证号 fills in the birth date and gender, and clears its message while typing', async () => {
    stubBackend();
    const page = await openRegister();

    await typeInto(page, '#input-idCardNumber', '35020619850312');
    await leave(page, '#input-idCardNumber');
    expect(errorText(page, 'idCardNumber')).toBe('身份证号应为18位，现在是14位');

    await typeInto(page, '#input-idCardNumber', VALID_ID);
    expect(page.querySelector('#error-idCardNumber')).toBeUndefined();
    expect(textOf(page.querySelector('#birth-date'), '.t-cell')).toContain('1985年3月12日');
    expect(textOf(page.querySelector('#gender'), '.t-cell')).toContain('男');
  });

  test('下一步 with fields of the step missing shows a message at each, scrolls to the first and stays', async () => {
    const request = stubBackend();
    const page = await openRegister();

    await typeInto(page, '#input-name', '李红梅');
    await nextStep(page);

    expect(stepShown(page)).toBe(1);
    expect(page.querySelector('#error-name')).toBeUndefined();
    expect(errorText(page, 'idCardNumber')).toBe('请填写身份证号');
    expect(errorText(page, 'phone')).toBe('请填写手机号');
    expect(errorText(page, 'joinedPartyOn')).toBe('请选择入党日期');
    expect(errorText(page, 'partyStatus')).toBe('请选择是正式党员还是预备党员');
    // The next steps' fields are not judged before the person has seen them.
    expect(page.querySelector('#error-homeOrgName')).toBeUndefined();
    expect(page.querySelector('#error-industry')).toBeUndefined();
    expect(textOf(page.querySelector('#form-summary'))).toBe('还有4处需要填写或修改，已用红字标出');
    expect(wx.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: '#field-idCardNumber' }));
    expect(callsTo(request, 'member.register')).toEqual([]);
  });

  test('each step checks its own fields: step 2 the home organisation and residence, step 3 the rest', async () => {
    stubBackend();
    const page = await openRegister();
    await fillStepOne(page);
    await nextStep(page);
    expect(stepShown(page)).toBe(2);
    expect(textOf(page.querySelector('#progress-text'))).toBe('第 2 步，共 3 步：从哪里来、住在哪里');
    await nextStep(page);
    expect(stepShown(page)).toBe(2);
    expect(errorText(page, 'homeOrgName')).toBe('请填写老家党组织的名称');
    expect(errorText(page, 'leftHomeOn')).toBe('请选择外出时间');
    expect(textOf(page.querySelector('#region'), '#region-error')).toBe('请选择现在住在哪个区');
    expect(page.querySelector('#error-industry')).toBeUndefined();
  });

  test('a bad 身份证号 alone keeps the form from being sent', async () => {
    const request = stubBackend();
    const page = await openRegister();
    await fillValidForm(page);
    await typeInto(page, '#input-idCardNumber', '350206198503124510');

    await tap(page, '#submit', '.t-button');

    expect(callsTo(request, 'member.register')).toEqual([]);
    // Back on the step that holds it.
    expect(stepShown(page)).toBe(1);
    expect(errorText(page, 'idCardNumber')).toContain('校验码');
    expect(textOf(page.querySelector('#form-summary'))).toBe('还有1处需要填写或修改，已用红字标出');
  });
});

describe('what the person already has', () => {
  test('sent back: shows the branch’s reason and keeps the name, industry and wish', async () => {
    const request = stubBackend({
      'member.me': () => ({
        body: ok(aMembership({ state: 'sent_back', sentBackReason: '入党日期与档案不符', industry: 'catering' })),
      }),
    });
    const page = await openRegister();
    await settle();

    expect(callsTo(request, 'member.me')).toEqual([{ action: 'me' }]);
    expect(textOf(page.querySelector('#sent-back'))).toContain('入党日期与档案不符');
    const data = page.instance.data as { form: { name: string; industry: string; wish: string } };
    expect(data.form).toEqual(
      expect.objectContaining({ name: '李红梅', industry: 'catering', wish: 'near_residence' }),
    );
  });

  test('pending: a note that submitting again replaces what was sent', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ state: 'pending' })) }) });
    const page = await openRegister();
    await settle();
    expect(textOf(page.querySelector('#pending-note'))).toContain('会替换上次的内容');
    expect(page.querySelector('#next')).toBeDefined();
  });

  test('already in a branch: no form, and a way back home', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ state: 'active' })) }) });
    const switchTab = jest.spyOn(wx, 'switchTab');
    const page = await openRegister();
    await settle();

    expect(textOf(page.querySelector('#registered'))).toContain('您已经报到过了');
    expect(textOf(page.querySelector('#registered'))).toContain('已编入支部');
    expect(page.querySelector('#next')).toBeUndefined();
    expect(page.querySelector('#submit')).toBeUndefined();
    await tap(page, '#registered-home', '.t-button');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
  });

  test('not registered, or the record cannot be read: the empty form', async () => {
    stubBackend({ 'member.me': () => ({ fail: 'request:fail timeout' }) });
    const page = await openRegister();
    await settle();
    expect(page.querySelector('#next')).toBeDefined();
    expect(page.querySelector('#sent-back')).toBeUndefined();
    expect(page.querySelector('#pending-note')).toBeUndefined();
  });
});

/** 报到 (pages-member/register/index): what is sent, what comes back, and arriving through a QR code. */
import { anOrgNode, failed, ok } from './builders';
import { deferred, settle, tap, textOf, type Answer } from './harness';
import { aMembership, callsTo, stubBackend } from './member-builders';
import { EXPECTED_INPUT, errorText, fillValidForm, openRegister, registerReplying, stepShown } from './register-driver';

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

describe('submitting 报到', () => {
  test('a valid form sends exactly the RegistrationInput of the contract and shows the result', async () => {
    const request = stubBackend(registerReplying(() => ({ body: ok(aMembership({ name: '李红梅' })) })));
    const page = await openRegister();
    await fillValidForm(page);

    await tap(page, '#submit', '.t-button');
    await settle();

    expect(callsTo(request, 'member.register')).toEqual([{ action: 'register', ...EXPECTED_INPUT }]);
    expect(page.querySelector('#submit')).toBeUndefined();
    const result = textOf(page.querySelector('#result'));
    expect(result).toContain('已提交，等待支部审核');
    expect(result).toContain('李红梅同志');
    expect(result).toContain('审核通过后，您会被编入合适的党支部');

    const switchTab = jest.spyOn(wx, 'switchTab');
    await tap(page, '#back-home', '.t-button');
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
  });

  test('while sending, the button shows it is busy and a second tap sends nothing more', async () => {
    const reply = deferred<Answer>();
    const request = stubBackend(registerReplying(() => reply.promise));
    const page = await openRegister();
    await fillValidForm(page);

    await tap(page, '#submit', '.t-button');
    expect(textOf(page.querySelector('#submit'), '.t-button')).toBe('正在提交…');
    await tap(page, '#submit', '.t-button');
    (page.instance as unknown as { onSubmit(): Promise<void> }).onSubmit();
    await settle();

    expect(callsTo(request, 'member.register')).toHaveLength(1);
    reply.resolve({ body: ok(aMembership()) });
    await settle();
    expect(page.querySelector('#result')).toBeDefined();
  });

  test.each([
    ['idCardNumber', 'idCardNumber', '身份证号：该号码不能用于报到'],
    ['residence.streetId', 'region', '所在街道（镇）：不属于所选的区，请重新选择'],
    ['home.orgName', 'homeOrgName', '流出地党组织：至少2个字'],
  ])('a server message about %s shows next to that field', async (field, key, message) => {
    stubBackend(registerReplying(() => ({ status: 400, body: failed('INVALID_ARGUMENT', message, field) })));
    const modal = jest.spyOn(wx, 'showModal');
    const page = await openRegister();
    await fillValidForm(page);

    await tap(page, '#submit', '.t-button');
    await settle();

    const shown = key === 'region' ? textOf(page.querySelector('#region'), '#region-error') : errorText(page, key);
    expect(shown).toBe(message);
    // On the step that holds the field, with the way forward again.
    expect(stepShown(page)).toBe(key === 'idCardNumber' ? 1 : 2);
    expect(wx.pageScrollTo).toHaveBeenLastCalledWith(expect.objectContaining({ selector: `#field-${key}` }));
    expect(modal).not.toHaveBeenCalled();
    expect(page.querySelector('#result')).toBeUndefined();
    expect(textOf(page.querySelector('#next'), '.t-button')).toBe('下一步');
  });

  test('CONFLICT (the same person on another account) tells them to contact the branch', async () => {
    const message = '该身份证号已在其他微信账号上报到。如需更换账号，请联系所在支部处理';
    stubBackend(registerReplying(() => ({ status: 409, body: failed('CONFLICT', message) })));
    const modal = jest.spyOn(wx, 'showModal');
    const page = await openRegister();
    await fillValidForm(page);

    await tap(page, '#submit', '.t-button');
    await settle();

    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '请联系支部处理', content: message }));
    expect(page.querySelector('#result')).toBeUndefined();
  });

  test('ALREADY_EXISTS (registered meanwhile) says so and goes back to 首页', async () => {
    const message = '您已完成报到。如需修改联系方式或居住地，请在“我的”页面操作';
    stubBackend(registerReplying(() => ({ status: 409, body: failed('ALREADY_EXISTS', message) })));
    const modal = jest.spyOn(wx, 'showModal').mockImplementation(((options: WechatMiniprogram.ShowModalOption) => {
      options.complete?.({ errMsg: 'showModal:ok' });
    }) as typeof wx.showModal);
    const switchTab = jest.spyOn(wx, 'switchTab');
    const page = await openRegister();
    await fillValidForm(page);

    await tap(page, '#submit', '.t-button');
    await settle();

    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '您已经报到过了', content: message }));
    expect(switchTab).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages/home/index' }));
  });

  test('a network failure is shown in a dialog and the form stays as it was', async () => {
    stubBackend(registerReplying(() => ({ fail: 'request:fail timeout' })));
    const modal = jest.spyOn(wx, 'showModal');
    const page = await openRegister();
    await fillValidForm(page);

    await tap(page, '#submit', '.t-button');
    await settle();

    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '没有提交成功', content: '网络不畅，请稍后重试' }),
    );
    expect(page.querySelector('#submit')).toBeDefined();
  });
});

describe('arriving through a registration point QR code', () => {
  test('names the point, preselects its place and sends the scene', async () => {
    const point = anOrgNode({
      id: 'xm-huli-dq-c01',
      type: 'community',
      name: '兴隆社区',
      parentId: 'xm-huli-dq',
      ancestors: ['xm', 'xm-huli', 'xm-huli-dq'],
    });
    const request = stubBackend({
      'org.get': () => ({ body: ok(point) }),
      'member.register': () => ({ body: ok(aMembership()) }),
    });
    const page = await openRegister({ scene: encodeURIComponent('xm-huli-dq-c01') });
    await settle();

    expect(callsTo(request, 'org.get')).toEqual([{ action: 'get', id: 'xm-huli-dq-c01' }]);
    expect(textOf(page.querySelector('#point'))).toContain('兴隆社区');
    const region = page.querySelector('#region');
    expect(textOf(region?.querySelector('#region-street'), '.t-cell')).toContain('殿前街道');
    expect(textOf(region?.querySelector('#region-community'), '.t-cell')).toContain('兴隆社区');

    await fillValidForm(page, { pickTheRegion: false });
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(callsTo(request, 'member.register')[0]).toEqual(
      expect.objectContaining({ scene: 'xm-huli-dq-c01', residence: EXPECTED_INPUT.residence }),
    );
  });

  test('an unknown point still lets the person register, and the scene is still sent', async () => {
    const request = stubBackend({
      'org.get': () => ({ status: 404, body: failed('NOT_FOUND', '该组织不存在') }),
      'member.register': () => ({ body: ok(aMembership()) }),
    });
    const page = await openRegister({ scene: 'point-7' });
    expect(page.querySelector('#point')).toBeUndefined();

    await fillValidForm(page);
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(callsTo(request, 'member.register')[0]).toEqual(expect.objectContaining({ scene: 'point-7' }));
  });
});

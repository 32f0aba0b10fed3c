/** 修改联系方式 (pages-member/contact-edit/index): a new phone and/or residence via updateContact. */
import { failed, ok } from './builders';
import { callLifecycle, renderPage, settle, tap, textOf, type PageComponent } from './harness';
import { aMembership, anActiveMembership, callsTo, stubBackend } from './member-builders';

const CONTACT_EDIT = 'pages-member/contact-edit/index';

jest.setTimeout(20000);

async function openContactEdit(): Promise<PageComponent> {
  const page = renderPage(CONTACT_EDIT);
  callLifecycle(page, 'onLoad');
  await settle();
  return page;
}

async function typeInto(page: PageComponent, selector: string, value: string): Promise<void> {
  const native = page.querySelector(selector)?.querySelector('.t-input__control');
  if (!native) throw new Error(`no text box in ${selector}`);
  native.dispatchEvent('input', { detail: { value } });
  await settle();
}

/** Picks 湖里区 → 殿前街道 → 高林社区 in the region picker. */
async function pickRegion(page: PageComponent): Promise<void> {
  const region = page.querySelector('#region');
  const row = region?.querySelector('#region-district')?.querySelector('.t-cell');
  if (!region || !row) throw new Error('no region picker');
  row.dispatchEvent('tap');
  await settle();
  for (const name of ['湖里区', '殿前街道', '高林社区']) {
    const option = region.querySelectorAll('.region-option').find((o) => textOf(o).replace(/^✓ /, '') === name);
    if (!option) throw new Error(`no region option ${name}`);
    option.dispatchEvent('tap');
    await settle();
  }
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('修改联系方式', () => {
  test('shows what is on record, masked', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const page = await openContactEdit();
    expect(textOf(page.querySelector('#record-phone'))).toBe('手机号：138****5678');
    expect(textOf(page.querySelector('#record-residence'))).toBe('住处：湖里区 殿前街道 兴隆社区 兴隆路12号');
  });

  test('a new phone alone is sent as 11 digits, and the record shown is updated', async () => {
    const request = stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership()) }),
      'member.updateContact': () => ({ body: ok(anActiveMembership({ phoneMasked: '139****0000' })) }),
    });
    const page = await openContactEdit();

    await typeInto(page, '#input-phone', '139 0000 0000');
    await tap(page, '#submit', '.t-button');
    await settle();

    expect(callsTo(request, 'member.updateContact')).toEqual([{ action: 'updateContact', phone: '13900000000' }]);
    expect(textOf(page.querySelector('#record-phone'))).toBe('手机号：139****0000');
    expect(textOf(page.querySelector('#saved'))).toContain('已保存');
  });

  test('a new residence is sent with the region picker’s ids and the address', async () => {
    const request = stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership()) }),
      'member.updateContact': () => ({ body: ok(anActiveMembership()) }),
    });
    const page = await openContactEdit();

    await pickRegion(page);
    await typeInto(page, '#input-address', '高林路8号');
    await tap(page, '#submit', '.t-button');
    await settle();

    expect(callsTo(request, 'member.updateContact')).toEqual([
      {
        action: 'updateContact',
        residence: {
          districtId: 'xm-huli',
          streetId: 'xm-huli-dq',
          communityId: 'xm-huli-dq-c02',
          address: '高林路8号',
        },
      },
    ]);
  });

  test('nothing changed, a bad phone, or an address without a place: messages, and nothing is sent', async () => {
    const request = stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const page = await openContactEdit();

    await tap(page, '#submit', '.t-button');
    expect(textOf(page.querySelector('#error-nothing'))).toBe('请填写新的手机号，或选择新的住处');

    await typeInto(page, '#input-phone', '1390000');
    await typeInto(page, '#input-address', '高林路8号');
    await tap(page, '#submit', '.t-button');
    expect(textOf(page.querySelector('#error-phone'))).toBe('手机号应为11位，现在是7位');
    expect(textOf(page.querySelector('#region'), '#region-error')).toBe('请选择新住处在哪个区');
    expect(page.querySelector('#error-nothing')).toBeUndefined();
    expect(callsTo(request, 'member.updateContact')).toEqual([]);
  });

  test('the server’s message about the phone shows next to it', async () => {
    stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership()) }),
      'member.updateContact': () => ({
        status: 400,
        body: failed('INVALID_ARGUMENT', '手机号：手机号应以13至19开头，请核对', 'phone'),
      }),
    });
    const page = await openContactEdit();
    await typeInto(page, '#input-phone', '13900000000');
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(textOf(page.querySelector('#error-phone'))).toBe('手机号：手机号应以13至19开头，请核对');
  });

  test('FAILED_PRECONDITION (not assigned yet) is shown in a dialog', async () => {
    const message = '报到信息正在审核，如需修改请重新提交报到信息';
    stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership()) }),
      'member.updateContact': () => ({ status: 400, body: failed('FAILED_PRECONDITION', message) }),
    });
    const modal = jest.spyOn(wx, 'showModal');
    const page = await openContactEdit();
    await typeInto(page, '#input-phone', '13900000000');
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '现在还不能修改', content: message }));
  });

  test('while the registration is being reviewed, explains it instead of showing the form', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ state: 'pending' })) }) });
    const page = await openContactEdit();
    expect(textOf(page.querySelector('#waiting'))).toContain('审核通过、编入支部后，才能在这里修改');
    expect(page.querySelector('#submit')).toBeUndefined();
  });

  test('when sent back, points to correcting the registration', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ state: 'sent_back' })) }) });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openContactEdit();
    await tap(page, '#resubmit', '.t-button');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-member/register/index' }));
  });
});

/** 电子活动证 (pages-member/certificate/index): the card, the QR code, its states and refresh. */
import { failed, ok } from './builders';
import { callLifecycle, renderPage, settle, tap, textOf, type PageComponent } from './harness';
import { aCertificate, aMembership, anActiveMembership, callsTo, stubBackend } from './member-builders';

const CERTIFICATE = 'pages-member/certificate/index';

async function openCertificate(): Promise<PageComponent> {
  const page = renderPage(CERTIFICATE);
  callLifecycle(page, 'onLoad');
  await settle();
  return page;
}

/** An attribute as the template set it (simulate keeps built-in attributes off the DOM). */
function attrOf(node: ReturnType<PageComponent['querySelector']>, name: string): unknown {
  return node?.toJSON().attrs.find((a) => a.name === name)?.value;
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('电子活动证', () => {
  test('shows the card, the state in colour and words, and the QR image large', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(anActiveMembership()) }) });
    const page = await openCertificate();

    expect(textOf(page.querySelector('#cert-holder'))).toBe('李红梅');
    expect(textOf(page.querySelector('#cert-number'))).toBe('XMLD-2026-1A2B3C4D');
    expect(textOf(page.querySelector('#cert-branch'))).toBe('兴隆社区流动党员党支部');
    expect(textOf(page.querySelector('#cert-home'))).toBe('中共固始县段集镇委员会');
    expect(textOf(page.querySelector('#cert-issued'))).toBe('2026年3月1日');
    expect(textOf(page.querySelector('#cert-review'))).toBe('2027年3月1日');

    const tag = page.querySelector('#cert-state')?.querySelector('.t-tag');
    expect(textOf(tag)).toBe('有效');
    expect(tag?.dom?.className).toContain('t-tag--success');
    expect(textOf(page.querySelector('#cert-state-text'))).toContain('活动证有效');

    const image = page.querySelector('#qr-image');
    expect(attrOf(image, 'src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(attrOf(image, 'mode')).toBe('aspectFit');
    expect(textOf(page.querySelector('#qr'))).toContain('出示给支部书记扫码核验');
    // The code is what the page is for: it comes first, saying whose it is; the details follow.
    expect(textOf(page.querySelector('#qr-holder'))).toBe('李红梅 · 有效');
    const all = textOf(page);
    expect(all.indexOf('出示给支部书记扫码核验')).toBeLessThan(all.indexOf('证号'));
  });

  test('刷新二维码 asks for the membership again and shows the new QR code', async () => {
    let version = 1;
    const request = stubBackend({
      'member.me': () => ({
        body: ok(anActiveMembership({ certificate: aCertificate({ qrImage: `data:image/png;base64,v${version}` }) })),
      }),
    });
    const page = await openCertificate();

    version = 2;
    await tap(page, '#refresh', '.t-button');
    await settle();

    expect(callsTo(request, 'member.me')).toHaveLength(2);
    expect(attrOf(page.querySelector('#qr-image'), 'src')).toBe('data:image/png;base64,v2');
  });

  test('a certificate due for review still shows, in orange, with what to do', async () => {
    stubBackend({
      'member.me': () => ({ body: ok(anActiveMembership({ certificate: aCertificate({ state: 'review_due' }) })) }),
    });
    const page = await openCertificate();

    const tag = page.querySelector('#cert-state')?.querySelector('.t-tag');
    expect(textOf(tag)).toBe('待年审');
    expect(tag?.dom?.className).toContain('t-tag--warning');
    expect(textOf(page.querySelector('#cert-state-text'))).toContain('请联系支部书记');
    expect(page.querySelector('#qr-image')).toBeDefined();
  });

  test('a revoked certificate shows no QR code and says why it cannot be shown', async () => {
    stubBackend({
      'member.me': () => ({
        body: ok(anActiveMembership({ certificate: aCertificate({ state: 'revoked', qrToken: '', qrImage: '' }) })),
      }),
    });
    const page = await openCertificate();

    expect(textOf(page.querySelector('#cert-state'), '.t-tag')).toBe('已收回');
    expect(page.querySelector('#qr-image')).toBeUndefined();
    expect(page.querySelector('#refresh')).toBeUndefined();
    expect(textOf(page.querySelector('#revoked'))).toContain('活动证已收回，不能出示');
    expect(textOf(page.querySelector('#cert-state-text'))).toContain('已返乡或组织关系已转出');
  });

  test('before assignment there is no certificate yet, and the page says why', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(aMembership({ state: 'pending' })) }) });
    const page = await openCertificate();
    expect(textOf(page.querySelector('#no-certificate'))).toContain(
      '编入党支部后，支部会为您发放电子活动证。您现在的情况：审核中。',
    );
    expect(page.querySelector('#certificate')).toBeUndefined();
  });

  test('not registered: offers 去报到', async () => {
    stubBackend({ 'member.me': () => ({ body: ok(null) }) });
    const navigate = jest.spyOn(wx, 'navigateTo');
    const page = await openCertificate();
    expect(textOf(page.querySelector('#unregistered'))).toContain('您还没有报到');
    await tap(page, '#go-register', '.t-button');
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-member/register/index' }));
  });

  test('a failure shows the message and a retry', async () => {
    let calls = 0;
    stubBackend({
      'member.me': () => {
        calls += 1;
        return calls === 1 ? { fail: 'request:fail timeout' } : { body: ok(anActiveMembership()) };
      },
    });
    const page = await openCertificate();
    expect(textOf(page.querySelector('#error'))).toContain('网络不畅，请稍后重试');

    await tap(page, '#retry', '.t-button');
    await settle();
    expect(page.querySelector('#qr-image')).toBeDefined();
  });

  test('a failed refresh keeps the card and says so in a dialog', async () => {
    let calls = 0;
    stubBackend({
      'member.me': () => {
        calls += 1;
        return calls === 1
          ? { body: ok(anActiveMembership()) }
          : { status: 500, body: failed('INTERNAL', '系统出了点问题，请稍后再试') };
      },
    });
    const modal = jest.spyOn(wx, 'showModal');
    const page = await openCertificate();

    await tap(page, '#refresh', '.t-button');
    await settle();

    expect(modal).toHaveBeenCalledWith(expect.objectContaining({ title: '没有刷新成功' }));
    expect(page.querySelector('#qr-image')).toBeDefined();
  });
});

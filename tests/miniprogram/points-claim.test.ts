/**
 * 申报积分 (pages-points/claim/index): choosing an item, the day, hours, the description and
 * photos (chosen on the phone and uploaded at once), what is sent, and the problems shown.
 * Only wx.* is stubbed: the network, the photo picker, the upload, dialogs and navigation.
 */
import type { Reply } from '../../typings';
import { aClaimView, anHourlyRule, aRule, aSummary } from '../helpers/points-replies';
import { failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  settle,
  stubRequest,
  tap,
  textOf,
  type Answer,
  type PageComponent,
} from './harness';

jest.setTimeout(30000);
const CLAIM = 'pages-points/claim/index';

type Route = (data: Record<string, unknown>) => Answer | Promise<Answer>;
function stubPoints(routes: Record<string, Route>): jest.Mock {
  return stubRequest((req) => {
    const data = req.data as Record<string, unknown>;
    const key = `${req.url.split('/functions/')[1]}.${String(data.action)}`;
    const route = routes[key];
    return route ? route(data) : { status: 500, body: failed('INTERNAL', `test did not expect ${key}`) };
  });
}
const answer = <T>(reply: Reply<T>): Answer => ({ body: reply });
const sent = (mock: jest.Mock, action: string) =>
  mock.mock.calls.map(([o]: [{ data: Record<string, unknown> }]) => o.data).filter((d) => d.action === action);

/** The backend of a member who may claim a per-time and an hourly item; submitClaim answers with `onSubmit`. */
function backend(onSubmit: Route = (data) => answer(ok(aClaimView({ ruleCode: String(data.ruleCode) })))): jest.Mock {
  return stubPoints({
    'points.rules': () => answer(ok({ items: [aRule(), anHourlyRule()] })),
    'points.summary': () => answer(ok(aSummary({ memberId: 'm_demo-member' }))),
    'points.submitClaim': onSubmit,
  });
}

/** wx.chooseMedia picks these files; wx.uploadFile stores each and answers with a fileID (or fails). */
function stubPhotos(
  paths: string[],
  upload: (cloudPath: string) => Answer = (p) => ({ body: { fileID: `cloud://local.bucket/${p}` } }),
) {
  const chooseMedia = jest.fn((opts: WechatMiniprogram.ChooseMediaOption) => {
    opts.success?.({
      tempFiles: paths.map((tempFilePath) => ({ tempFilePath, size: 1000, fileType: 'image' })),
      type: 'image',
      errMsg: 'chooseMedia:ok',
    } as unknown as WechatMiniprogram.ChooseMediaSuccessCallbackResult);
  });
  const uploadFile = jest.fn((opts: WechatMiniprogram.UploadFileOption) => {
    const cloudPath = String((opts.formData as { cloudPath: string }).cloudPath);
    const a = upload(cloudPath);
    setTimeout(() => {
      if ('fail' in a) opts.fail?.({ errMsg: a.fail } as WechatMiniprogram.GeneralCallbackResult);
      else
        opts.success?.({
          data: JSON.stringify(a.body),
          statusCode: a.status ?? 200,
          errMsg: 'uploadFile:ok',
        } as WechatMiniprogram.UploadFileSuccessCallbackResult);
    }, 0);
    return {} as WechatMiniprogram.UploadTask;
  });
  Object.assign(wx, { chooseMedia, uploadFile });
  return { chooseMedia, uploadFile };
}

/** Dialogs answer at once (confirm), and say what they showed. */
function stubDialogs(): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    opts.success?.({
      confirm: true,
      cancel: false,
      content: '',
      errMsg: 'showModal:ok',
    } as WechatMiniprogram.ShowModalSuccessCallbackResult);
    opts.complete?.({ errMsg: 'showModal:ok' });
  }) as typeof wx.showModal);
}

async function openClaim(): Promise<PageComponent> {
  const page = renderPage(CLAIM);
  callLifecycle(page, 'onLoad');
  await settle();
  await settle();
  return page;
}

async function choose(page: PageComponent, label: string): Promise<void> {
  const radios = page.querySelector('#rule-options')?.querySelectorAll('.t-radio-option') ?? [];
  const radio = radios.find((r) => textOf(r, '.t-radio__title') === label);
  if (!radio) throw new Error(`no choice ${label}`);
  radio.querySelector('.t-radio__content')!.dispatchEvent('tap');
  await settle();
}

async function describeAct(page: PageComponent, text: string): Promise<void> {
  page
    .querySelector('#description')!
    .querySelector('.t-textarea__wrapper-inner')!
    .dispatchEvent('input', { detail: { value: text } });
  await settle();
}

/** Wait until the page shows what a test expects (uploads run one after another, each asynchronously). */
async function waitFor(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await settle(5);
}

const idle = (page: PageComponent) => () => !(page.instance.data as { uploading: boolean }).uploading;

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(wx, 'showToast').mockImplementation((() => undefined) as unknown as typeof wx.showToast);
  jest.spyOn(wx, 'redirectTo').mockImplementation((() => undefined) as unknown as typeof wx.redirectTo);
});
afterEach(() => {
  jest.restoreAllMocks();
});

test('offers the items the member may claim, with their value; asks for hours only for hourly ones', async () => {
  const mock = backend();
  const page = await openClaim();
  expect(sent(mock, 'rules')).toEqual([{ action: 'rules', claimableOnly: true }]);
  const labels = page
    .querySelector('#rule-options')!
    .querySelectorAll('.t-radio-option')
    .map((r) => textOf(r, '.t-radio__title'));
  expect(labels).toEqual(['公益行动（每次 +2 分）', '志愿服务（按小时）（每小时 +1 分）']);
  expect(page.querySelector('#hours')).toBeFalsy();
  await choose(page, '志愿服务（按小时）（每小时 +1 分）');
  expect(textOf(page.querySelector('#hours-value'))).toBe('1 小时');
  expect(textOf(page.querySelector('#rule-description'))).toBe('每服务 1 小时记 1 分。');
  await tap(page, '#hours-plus', '.t-button');
  await tap(page, '#hours-plus', '.t-button');
  expect(textOf(page.querySelector('#hours-value'))).toBe('3 小时');
});

test('uploads chosen photos into the member’s own folder and sends the claim with their file IDs', async () => {
  const mock = backend();
  const { uploadFile } = stubPhotos(['wxfile://tmp/one.jpg', 'wxfile://tmp/two.png']);
  const page = await openClaim();
  await choose(page, '志愿服务（按小时）（每小时 +1 分）');
  await tap(page, '#hours-plus', '.t-button');
  await describeAct(page, '  在社区帮助独居老人打扫卫生  ');
  const picker = page.querySelector('#day-picker')!;
  picker.dispatchEvent('change', { detail: { value: '2026-03-01' } });
  await settle();
  await tap(page, '#add-photos', '.t-button');
  await waitFor(() => page.querySelectorAll('.photo').length === 2 && idle(page)());

  const paths = uploadFile.mock.calls.map(([o]) => String((o.formData as { cloudPath: string }).cloudPath));
  expect(paths).toHaveLength(2);
  expect(paths[0]).toMatch(/^points-evidence\/m_demo-member\/[0-9a-z]+-[0-9a-z]+\.jpg$/);
  expect(paths[1]).toMatch(/\.png$/);
  expect(uploadFile.mock.calls[0]![0]).toMatchObject({
    url: 'http://127.0.0.1:3000/storage/wx-upload',
    filePath: 'wxfile://tmp/one.jpg',
    name: 'file',
  });
  expect(page.querySelectorAll('.photo')).toHaveLength(2);

  await tap(page, '#submit', '.t-button');
  await settle();
  expect(sent(mock, 'submitClaim')).toEqual([
    {
      action: 'submitClaim',
      ruleCode: 'volunteer.hour',
      occurredOn: '2026-03-01',
      quantity: 2,
      description: '在社区帮助独居老人打扫卫生',
      photos: paths.map((p) => `cloud://local.bucket/${p}`),
    },
  ]);
  expect(wx.redirectTo).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-points/claims/index' }));
});

test('a removed photo is not sent', async () => {
  const mock = backend();
  stubPhotos(['wxfile://tmp/a.jpg', 'wxfile://tmp/b.jpg']);
  const page = await openClaim();
  await choose(page, '公益行动（每次 +2 分）');
  await describeAct(page, '调解邻里纠纷，双方握手言和');
  await tap(page, '#add-photos', '.t-button');
  await waitFor(() => page.querySelectorAll('.photo').length === 2 && idle(page)());
  page.querySelectorAll('.photo-remove')[0]!.dispatchEvent('tap');
  await settle();
  await tap(page, '#submit', '.t-button');
  await settle();
  const [claim] = sent(mock, 'submitClaim');
  expect(claim).not.toHaveProperty('quantity');
  expect((claim!.photos as string[]).length).toBe(1);
  expect((claim!.photos as string[])[0]).toMatch(/\.jpg$/);
});

test.each([
  ['no item chosen', async () => undefined, '请先选择申报的项目'],
  [
    'a description too short',
    async (p: PageComponent) => {
      await choose(p, '公益行动（每次 +2 分）');
      await describeAct(p, '帮忙');
    },
    '请把事情经过写清楚，至少 5 个字',
  ],
  [
    'no photo for an item that needs one',
    async (p: PageComponent) => {
      await choose(p, '公益行动（每次 +2 分）');
      await describeAct(p, '调解邻里纠纷，双方握手言和');
    },
    '这个项目需要上传照片作为证明',
  ],
])('with %s, says what to fix and sends nothing', async (_what, fill, message) => {
  const mock = backend();
  const page = await openClaim();
  await fill(page);
  await tap(page, '#submit', '.t-button');
  expect(textOf(page.querySelector('#problem'))).toBe(message);
  expect(sent(mock, 'submitClaim')).toEqual([]);
});

test('a refused claim shows the server’s message in a dialog and next to the button', async () => {
  backend(() => ({ body: failed('INVALID_ARGUMENT', '有照片没有上传成功，请删除后重新上传', 'photos.0') }));
  stubPhotos(['wxfile://tmp/a.jpg']);
  const dialogs = stubDialogs();
  const page = await openClaim();
  await choose(page, '公益行动（每次 +2 分）');
  await describeAct(page, '调解邻里纠纷，双方握手言和');
  await tap(page, '#add-photos', '.t-button');
  await waitFor(() => page.querySelectorAll('.photo').length === 1 && idle(page)());
  await tap(page, '#submit', '.t-button');
  await settle();
  expect(dialogs).toHaveBeenCalledWith(
    expect.objectContaining({ title: '没有提交成功', content: '有照片没有上传成功，请删除后重新上传' }),
  );
  expect(textOf(page.querySelector('#problem'))).toBe('有照片没有上传成功，请删除后重新上传');
  expect(wx.redirectTo).not.toHaveBeenCalled();
});

test('a failed upload is explained and leaves no photo behind', async () => {
  backend();
  stubPhotos(['wxfile://tmp/a.jpg'], () => ({ fail: 'uploadFile:fail timeout' }));
  const dialogs = stubDialogs();
  const page = await openClaim();
  await tap(page, '#add-photos', '.t-button');
  await waitFor(() => dialogs.mock.calls.length > 0 && idle(page)());
  expect(dialogs).toHaveBeenCalledWith(
    expect.objectContaining({ title: '照片没有传上去', content: '照片没有传上去，请检查网络后再试' }),
  );
  expect(page.querySelectorAll('.photo')).toHaveLength(0);
});

test('an error loading the form offers 重试', async () => {
  let n = 0;
  stubPoints({
    'points.rules': () =>
      ++n === 1
        ? { status: 500, body: failed('UNAVAILABLE', '网络不畅，请稍后重试') }
        : answer(ok({ items: [aRule()] })),
    'points.summary': () => answer(ok(aSummary())),
  });
  const page = await openClaim();
  expect(textOf(page.querySelector('#error'))).toContain('网络不畅，请稍后重试');
  await tap(page, '#retry', '.t-button');
  await settle();
  expect(page.querySelector('#rule-options')).toBeTruthy();
});

/**
 * 摸排导入 (pages-admin/import/index): pasted rows are parsed (Chinese or English commas, tabs),
 * previewed with the numbers masked, sent, and each row's outcome shown; a bad row in red.
 */
import { parseImportText } from '../../miniprogram/pages-admin/import/parse';
import { failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  tap,
  textOf,
  type Answer,
  type PageComponent,
  type SentRequest,
} from './harness';

const IMPORT = 'pages-admin/import/index';

const PASTED = [
  '姓名,身份证号,手机号,发现地点,备注',
  '张三，350524198001011234，13800001111，兴隆社区某工地，木工，夜班',
  '',
  '李四\t35020319900202123x\t\t殿前街道某快递站\t',
  '王五,12345,138 0000 2222,湖里区某小区',
].join('\n');

async function openImport(answer: (req: SentRequest) => Answer): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(answer);
  const page = renderPage(IMPORT);
  callLifecycle(page, 'onLoad', { scopeId: 'street-1', scopeName: encodeURIComponent('殿前街道') });
  await settle();
  return { page, request };
}

async function paste(page: PageComponent, text: string): Promise<void> {
  page
    .querySelector('#paste')
    ?.querySelector('.t-textarea__wrapper-inner')
    ?.dispatchEvent('input', { detail: { value: text } });
  await settle();
}

function answerModals(confirm: boolean): jest.SpyInstance {
  return jest.spyOn(wx, 'showModal').mockImplementation(((opts: WechatMiniprogram.ShowModalOption) => {
    setTimeout(() => {
      opts.success?.({ confirm, cancel: !confirm, content: '', errMsg: 'showModal:ok' });
      opts.complete?.({ errMsg: 'showModal:ok' });
    }, 0);
  }) as unknown as typeof wx.showModal);
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('parseImportText', () => {
  test('reads Chinese and English commas and tabs, skips the header and blank lines', () => {
    const { rows, headerSkipped } = parseImportText(PASTED);
    expect(headerSkipped).toBe(true);
    expect(rows.map((r) => r.data)).toEqual([
      {
        name: '张三',
        idCardNumber: '350524198001011234',
        phone: '13800001111',
        foundAt: '兴隆社区某工地',
        notes: '木工，夜班',
      },
      { name: '李四', idCardNumber: '35020319900202123X', foundAt: '殿前街道某快递站' },
      { name: '王五', idCardNumber: '12345', phone: '13800002222', foundAt: '湖里区某小区' },
    ]);
    expect(rows.map((r) => [r.row, r.line])).toEqual([
      [1, 2],
      [2, 4],
      [3, 5],
    ]);
    expect(rows.map((r) => r.problems)).toEqual([[], [], ['身份证号应为 18 位']]);
  });

  test('points out missing cells', () => {
    const { rows } = parseImportText('赵六');
    expect(rows[0]?.problems).toEqual(['缺少身份证号', '缺少发现地点']);
  });
});

describe('摸排导入', () => {
  test('previews the pasted rows with masked numbers, the doubtful one marked', async () => {
    const { page, request } = await openImport(() => ({ body: ok({ results: [] }) }));
    await paste(page, PASTED);
    await tap(page, '#check', '.t-button');

    expect(request).not.toHaveBeenCalled();
    expect(textOf(page.querySelector('#preview-summary'))).toContain('共 3 行（已跳过表头）');
    const rows = page.querySelectorAll('.preview-row').map((r) => textOf(r));
    expect(rows[0]).toContain('第 1 行：张三');
    expect(rows[0]).toContain('身份证号 3****************4，手机 138****1111');
    expect(rows[2]).toContain('身份证号应为 18 位');
    expect(page.querySelectorAll('.preview-row')[2]?.dom?.className).toContain('preview-row--warn');
    expect(textOf(page)).not.toMatch(/\d{11}/);
  });

  test('nothing to check when nothing was pasted', async () => {
    const { page } = await openImport(() => ({ body: ok({ results: [] }) }));
    await tap(page, '#check', '.t-button');
    expect(textOf(page.querySelector('#parse-error'))).toContain('没有读到名单');
  });

  test('sends every row after confirming and shows each outcome, a bad row in red', async () => {
    const modal = answerModals(true);
    const { page, request } = await openImport(() => ({
      body: ok({
        results: [
          { row: 3, outcome: 'invalid', message: '身份证号：位数不对' },
          { row: 1, outcome: 'created', message: '已导入' },
          { row: 2, outcome: 'linked_to_member', message: '此人已在小程序报到，已关联到其报到记录' },
        ],
      }),
    }));
    await paste(page, PASTED);
    await tap(page, '#check', '.t-button');
    await tap(page, '#submit', '.t-button');
    await settle();

    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('这 3 行导入到“殿前街道”') }),
    );
    expect(sentRequests(request).map((r) => r.data)).toEqual([
      {
        action: 'importRows',
        scopeId: 'street-1',
        rows: parseImportText(PASTED).rows.map((r) => r.data),
      },
    ]);
    expect(textOf(page.querySelector('#results-summary'))).toBe('已导入 1 行，已关联报到 1 行，有误未导入 1 行');
    const results = page.querySelectorAll('.result-row');
    expect(results.map((r) => textOf(r))).toEqual([
      expect.stringContaining('第 1 行：张三'),
      expect.stringContaining('此人已在小程序报到'),
      expect.stringContaining('身份证号：位数不对'),
    ]);
    expect(results[2]?.dom?.className).toContain('result-row--invalid');
    expect(results[0]?.dom?.className).not.toContain('result-row--invalid');
  });

  test('cancelling the confirmation sends nothing', async () => {
    answerModals(false);
    const { page, request } = await openImport(() => ({ body: ok({ results: [] }) }));
    await paste(page, PASTED);
    await tap(page, '#check', '.t-button');
    await tap(page, '#submit', '.t-button');
    expect(request).not.toHaveBeenCalled();
    expect(page.querySelector('#preview-summary')).toBeDefined();
  });

  test('a refusal from the server is shown in Chinese and the preview stays', async () => {
    const modal = answerModals(true);
    const { page } = await openImport(() => ({ body: failed('PERMISSION_DENIED', '该组织不在您的管理范围内') }));
    await paste(page, PASTED);
    await tap(page, '#check', '.t-button');
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(modal).toHaveBeenLastCalledWith(expect.objectContaining({ content: '该组织不在您的管理范围内' }));
    expect(page.querySelectorAll('.preview-row')).toHaveLength(3);
  });
});

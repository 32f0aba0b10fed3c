/**
 * 本支部党员 (pages-secretary/members/index): a branch's members by name, state and industry, and
 * the same list as the 结对联系 picker.
 */
import type { MemberRow, Page } from '../../typings';
import { failed, ok } from './builders';
import {
  callLifecycle,
  renderPage,
  sentRequests,
  settle,
  stubRequest,
  textOf,
  type Answer,
  type PageComponent,
  type SentRequest,
} from './harness';
import { keysSentOnLoadMore, rowKeys, rowPaths } from './load-more';

const MEMBERS = 'pages-secretary/members/index';

function aRow(overrides: Partial<MemberRow> = {}): MemberRow {
  return {
    memberId: 'm-1',
    name: '张建华',
    gender: 'male',
    state: 'active',
    industry: 'express',
    residence: '湖里区 殿前街道',
    branchName: '湖里区快递行业党支部',
    phoneMasked: '138****5678',
    submittedAt: '2024-05-01T02:00:00.000Z',
    ...overrides,
  };
}

const aPage = (items: MemberRow[], nextCursor: string | null = null): Page<MemberRow> => ({ items, nextCursor });

async function openMembers(
  query: Record<string, string>,
  answer: (req: SentRequest) => Answer = () => ({ body: ok(aPage([aRow()])) }),
): Promise<{ page: PageComponent; request: jest.Mock }> {
  const request = stubRequest(answer);
  const page = renderPage(MEMBERS);
  callLifecycle(page, 'onLoad', query);
  await settle();
  return { page, request };
}

const BRANCH = { branchId: 'b-1', branchName: encodeURIComponent('湖里区快递行业党支部') };

function sentData(request: jest.Mock): unknown[] {
  return sentRequests(request).map((r) => r.data);
}

async function tapChip(page: PageComponent, selector: string): Promise<void> {
  const chip = page.querySelector(selector);
  if (!chip) throw new Error(`nothing matches ${selector}`);
  chip.dispatchEvent('tap');
  await settle();
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('本支部党员', () => {
  test('lists the branch’s members with state and masked phone', async () => {
    const { page, request } = await openMembers(BRANCH, () => ({
      body: ok(aPage([aRow(), aRow({ memberId: 'm-2', name: '李秀英', state: 'lost_contact', gender: 'female' })])),
    }));
    expect(sentData(request)).toEqual([{ action: 'branchMembers', branchId: 'b-1', limit: 20 }]);
    const rows = page.querySelectorAll('.member-row').map((row) => textOf(row, '.t-cell'));
    // The state is the first line under the name, not a note squeezed beside it.
    expect(rows[0]).toBe('张建华已编入支部男 · 快递 · 湖里区 殿前街道电话 138****5678');
    expect(rows[1]).toContain('暂时失去联系');
  });

  test('choosing a state or an industry asks again with that filter', async () => {
    const { page, request } = await openMembers(BRANCH);

    await tapChip(page, '#state-filter-lost_contact');
    await tapChip(page, '#industry-filter-food_delivery');

    expect(sentData(request).slice(1)).toEqual([
      { action: 'branchMembers', branchId: 'b-1', state: 'lost_contact', limit: 20 },
      { action: 'branchMembers', branchId: 'b-1', state: 'lost_contact', industry: 'food_delivery', limit: 20 },
    ]);
    expect(page.querySelector('#state-filter-lost_contact')?.dom?.className).toContain('chip--on');

    await tapChip(page, '#state-filter-all');
    expect(sentData(request).pop()).toEqual({
      action: 'branchMembers',
      branchId: 'b-1',
      industry: 'food_delivery',
      limit: 20,
    });
  });

  test('searching by name sends the name, trimmed', async () => {
    const { page, request } = await openMembers(BRANCH);
    const search = page.querySelector('#search');
    search?.querySelector('.t-input__keyword')?.dispatchEvent('input', { detail: { value: ' 李秀 ' } });
    await settle();
    search?.querySelector('.t-search__search-action')?.dispatchEvent('tap');
    await settle();
    expect(sentData(request).pop()).toEqual({ action: 'branchMembers', branchId: 'b-1', name: '李秀', limit: 20 });
  });

  test('filters are kept when the next page loads at the bottom', async () => {
    const { page, request } = await openMembers(BRANCH, (req) =>
      (req.data as { cursor?: string }).cursor
        ? { body: ok(aPage([aRow({ memberId: 'm-9' })])) }
        : { body: ok(aPage([aRow()], '20')) },
    );
    await tapChip(page, '#industry-filter-express');
    (page.instance as unknown as { onReachBottom: () => void }).onReachBottom();
    await settle();
    expect(sentData(request).pop()).toEqual({
      action: 'branchMembers',
      branchId: 'b-1',
      industry: 'express',
      cursor: '20',
      limit: 20,
    });
    expect(page.querySelectorAll('.member-row')).toHaveLength(2);
  });

  test('the next page is appended by path; in the picker the member being paired is left out of it too', async () => {
    const members = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => aRow({ memberId: `m-${from + i}`, name: `党员${from + i}` }));
    const { page } = await openMembers({ ...BRANCH, pickFor: 'm-21', pickName: encodeURIComponent('党员21') }, (req) =>
      (req.data as { cursor?: string }).cursor
        ? { body: ok(aPage(members(20, 3))) }
        : { body: ok(aPage(members(0, 20), 'c1')) },
    );
    expect(page.querySelectorAll('.member-row')).toHaveLength(20);
    expect(rowKeys(await keysSentOnLoadMore(page))).toEqual(rowPaths(20, 2));
    expect(page.querySelectorAll('.member-row').map((r) => textOf(r).slice(0, 4))).not.toContain('党员21');
    expect(page.querySelectorAll('.member-row')).toHaveLength(22);
  });

  test('says so when no member matches', async () => {
    const { page } = await openMembers(BRANCH, () => ({ body: ok(aPage([])) }));
    expect(textOf(page.querySelector('#empty'))).toContain('本支部还没有党员');
    await tapChip(page, '#state-filter-transferred');
    expect(textOf(page.querySelector('#empty'))).toContain('没有找到符合条件的党员');
  });

  test('a branch outside the caller’s reach shows the server’s reason', async () => {
    const { page } = await openMembers(BRANCH, () => ({
      body: failed('PERMISSION_DENIED', '该支部不在您的管理范围内'),
    }));
    expect(textOf(page.querySelector('#error'))).toContain('该支部不在您的管理范围内');
    expect(page.querySelector('#retry')).toBeUndefined();
  });

  test('tapping a member opens their page', async () => {
    const navigate = jest.spyOn(wx, 'navigateTo');
    const { page } = await openMembers(BRANCH);
    page.querySelector('.member-row')?.querySelector('.t-cell')?.dispatchEvent('tap');
    await settle();
    expect(navigate).toHaveBeenCalledWith(expect.objectContaining({ url: '/pages-secretary/member/index?id=m-1' }));
  });
});

describe('结对联系 picker', () => {
  const PICK = { branchId: 'b-1', pickFor: 'm-1', pickName: encodeURIComponent('张建华') };

  test('offers only members in good standing, not the member themself', async () => {
    const { page, request } = await openMembers(PICK, () => ({
      body: ok(aPage([aRow(), aRow({ memberId: 'm-2', name: '林志强' })])),
    }));
    expect(sentData(request)).toEqual([{ action: 'branchMembers', branchId: 'b-1', state: 'active', limit: 20 }]);
    expect(page.querySelector('#state-filters')).toBeUndefined();
    expect(page.querySelectorAll('.member-row').map((row) => textOf(row, '.t-cell__title-text'))).toEqual(['林志强']);
  });

  test('tapping a member asks first, pairs them and goes back', async () => {
    const modal = jest.spyOn(wx, 'showModal');
    const back = jest.spyOn(wx, 'navigateBack');
    const { page, request } = await openMembers(PICK, (req) =>
      (req.data as { action: string }).action === 'pair'
        ? { body: ok({}) }
        : { body: ok(aPage([aRow({ memberId: 'm-2', name: '林志强' })])) },
    );

    page.querySelector('.member-row')?.querySelector('.t-cell')?.dispatchEvent('tap');
    await settle();
    await settle();
    await settle();

    expect(modal).toHaveBeenCalledWith(
      expect.objectContaining({ content: expect.stringContaining('林志强 作为 张建华') }),
    );
    expect(sentData(request).pop()).toEqual({ action: 'pair', memberId: 'm-1', contactMemberId: 'm-2' });
    expect(back).toHaveBeenCalled();
  });
});

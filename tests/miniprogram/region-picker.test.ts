/** The region picker (components/region-picker): 区 → 街道（镇） → 社区（村） over org.children. */
import type { RegionValue } from '../../miniprogram/components/region-picker/region';
import { failed, ok } from './builders';
import { renderPage, settle, tap, textOf, type PageComponent } from './harness';
import { callsTo, orgChildren, stubBackend } from './member-builders';

const PICKER = 'components/region-picker/index';

/** j-component listens on a rendered root like this, though its typings leave it out. */
type Listenable = { addEventListener(name: string, handler: (event: { detail: RegionValue }) => void): void };

/** Renders the picker and records every `change` it reports. */
async function openPicker(): Promise<{ picker: PageComponent; changes: RegionValue[] }> {
  const picker = renderPage(PICKER);
  const changes: RegionValue[] = [];
  (picker as unknown as Listenable).addEventListener('change', (event) => changes.push(event.detail));
  await settle();
  return { picker, changes };
}

/** The list pops up in a TDesign popup, whose panel exists only while it is shown. */
function isSheetOpen(picker: PageComponent): boolean {
  return picker.querySelector('#region-popup')?.querySelector('.t-popup') !== undefined;
}

function optionNames(picker: PageComponent): string[] {
  return picker.querySelectorAll('.region-option').map((o) => textOf(o).replace(/^✓ /, ''));
}

async function pick(picker: PageComponent, name: string): Promise<void> {
  const option = picker.querySelectorAll('.region-option').find((o) => textOf(o).replace(/^✓ /, '') === name);
  if (!option) throw new Error(`no option ${name}; the list shows ${optionNames(picker).join('、')}`);
  option.dispatchEvent('tap');
  await settle();
}

beforeEach(() => {
  jest.resetModules();
});

afterEach(() => {
  jest.restoreAllMocks();
});

describe('region picker', () => {
  test('loads the districts under the city and lists them when 所在区 is tapped', async () => {
    const request = stubBackend();
    const { picker } = await openPicker();

    expect(callsTo(request, 'org.children')).toEqual([{ action: 'children' }, { action: 'children', parentId: 'xm' }]);
    expect(textOf(picker.querySelector('#region-district'), '.t-cell')).toContain('请选择');
    expect(textOf(picker.querySelector('#region-street'), '.t-cell')).toContain('请先选择区');

    expect(isSheetOpen(picker)).toBe(false);
    await tap(picker, '#region-district', '.t-cell');
    expect(isSheetOpen(picker)).toBe(true);
    expect(textOf(picker.querySelector('#region-sheet'))).toContain('请选择您住在哪个区');
    expect(optionNames(picker)).toEqual(['湖里区', '思明区']);
  });

  test('choosing a district loads its streets (only streets) and opens them', async () => {
    const request = stubBackend();
    const { picker, changes } = await openPicker();

    await tap(picker, '#region-district', '.t-cell');
    await pick(picker, '湖里区');

    expect(callsTo(request, 'org.children').at(-1)).toEqual({ action: 'children', parentId: 'xm-huli' });
    expect(textOf(picker.querySelector('#region-district'), '.t-cell')).toContain('湖里区');
    expect(isSheetOpen(picker)).toBe(true);
    expect(textOf(picker.querySelector('#region-sheet'))).toContain('请选择街道（镇）');
    expect(optionNames(picker)).toEqual(['殿前街道', '金山街道']);
    expect(changes.at(-1)).toEqual(expect.objectContaining({ districtId: 'xm-huli', streetId: '', communityId: '' }));
  });

  test('choosing a street loads its communities; a community may be left out', async () => {
    const request = stubBackend();
    const { picker, changes } = await openPicker();

    await tap(picker, '#region-district', '.t-cell');
    await pick(picker, '湖里区');
    await pick(picker, '殿前街道');

    expect(callsTo(request, 'org.children').at(-1)).toEqual({ action: 'children', parentId: 'xm-huli-dq' });
    expect(optionNames(picker)).toEqual(['不清楚，先不选', '兴隆社区', '高林社区']);

    await pick(picker, '兴隆社区');
    expect(changes.at(-1)).toEqual({
      districtId: 'xm-huli',
      districtName: '湖里区',
      streetId: 'xm-huli-dq',
      streetName: '殿前街道',
      communityId: 'xm-huli-dq-c01',
      communityName: '兴隆社区',
    });
    expect(textOf(picker.querySelector('#region-community'), '.t-cell')).toContain('兴隆社区');

    await tap(picker, '#region-community', '.t-cell');
    await pick(picker, '不清楚，先不选');
    expect(changes.at(-1)).toEqual(expect.objectContaining({ streetId: 'xm-huli-dq', communityId: '' }));
  });

  test('choosing another district clears the street and community chosen before', async () => {
    stubBackend();
    const { picker, changes } = await openPicker();

    await tap(picker, '#region-district', '.t-cell');
    await pick(picker, '湖里区');
    await pick(picker, '殿前街道');
    await pick(picker, '兴隆社区');

    await tap(picker, '#region-district', '.t-cell');
    await pick(picker, '思明区');

    expect(changes.at(-1)).toEqual({
      districtId: 'xm-siming',
      districtName: '思明区',
      streetId: '',
      streetName: '',
      communityId: '',
      communityName: '',
    });
    expect(textOf(picker.querySelector('#region-street'), '.t-cell')).toContain('请选择');
  });

  test('a preset path (a registration point) is chosen level by level without opening lists', async () => {
    stubBackend();
    const { picker, changes } = await openPicker();

    picker.setData({ preset: ['xm', 'xm-huli', 'xm-huli-dq', 'xm-huli-dq-c02'] });
    await settle();

    expect(changes.at(-1)).toEqual(
      expect.objectContaining({ districtId: 'xm-huli', streetId: 'xm-huli-dq', communityId: 'xm-huli-dq-c02' }),
    );
    expect(textOf(picker.querySelector('#region-community'), '.t-cell')).toContain('高林社区');
    expect(isSheetOpen(picker)).toBe(false);
  });

  test('when a list cannot load, says so and loads it again when the row is tapped', async () => {
    let failing = true;
    const request = stubBackend({
      'org.children': (data) =>
        failing
          ? { fail: 'request:fail timeout' }
          : { body: ok({ items: orgChildren(data.parentId as string | undefined) }) },
    });
    const { picker } = await openPicker();

    expect(textOf(picker.querySelector('#region-district'), '.t-cell')).toContain('没加载出来，点这里重试');
    expect(textOf(picker.querySelector('#region-failed'))).toContain('网络不畅');

    failing = false;
    await tap(picker, '#region-district', '.t-cell');
    await settle();

    expect(callsTo(request, 'org.children').length).toBeGreaterThan(1);
    expect(picker.querySelector('#region-failed')).toBeUndefined();
    await tap(picker, '#region-district', '.t-cell');
    expect(optionNames(picker)).toEqual(['湖里区', '思明区']);
  });

  test('shows the error message it is given', async () => {
    stubBackend({ 'org.children': () => ({ body: failed('INTERNAL', 'x') }) });
    const { picker } = await openPicker();
    picker.setData({ error: '请选择现在住在哪个区' });
    expect(textOf(picker.querySelector('#region-error'))).toBe('请选择现在住在哪个区');
  });
});

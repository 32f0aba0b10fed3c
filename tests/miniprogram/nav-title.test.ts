/** Titles in WeChat's bar: a name when it fits, the page's own title otherwise. */
import { NAV_TITLE_MAX, navTitle } from '../../miniprogram/utils/nav-title';

test.each([
  ['思明区', '组织详情', '思明区'],
  ['莲前街道流动党员党支部', '组织详情', '组织详情'],
  ['思明区流动党员党支部党费', '支部党费', '支部党费'],
  ['  ', '本支部党员', '本支部党员'],
  ['一二三四五六七八', '名单', '一二三四五六七八'],
])('%j → %j', (name, fallback, shown) => {
  expect(navTitle(name, fallback)).toBe(shown);
  expect([...navTitle(name, fallback)].length).toBeLessThanOrEqual(NAV_TITLE_MAX);
});

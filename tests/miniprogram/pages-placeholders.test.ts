/** Pages that are placeholders for now must still render and say so in plain Chinese. */
import { callLifecycle, renderPage, settle, textOf } from './harness';

beforeEach(() => {
  jest.resetModules();
});

test('学习 shows an empty state explaining where sessions will appear', async () => {
  const page = renderPage('pages/sessions/index');
  callLifecycle(page, 'onLoad');
  await settle();
  expect(textOf(page.querySelector('#empty'))).toContain('现在还没有学习活动');
});

test('书记工作台 says it is being built', async () => {
  const page = renderPage('pages-secretary/index/index');
  callLifecycle(page, 'onLoad');
  await settle();
  expect(textOf(page)).toContain('书记工作台正在建设中');
});

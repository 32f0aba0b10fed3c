/**
 * 报到 in three steps (pages-member/register/index): moving back and forth keeps what was typed,
 * the draft survives closing the mini-program and goes once sent, and the 身份证号 is shown 6-8-4.
 */
import { emptyForm } from '../../miniprogram/pages-member/register/form';
import { DRAFT_DAYS, DRAFT_KEY } from '../../miniprogram/pages-member/register/draft';
import { groupIdCard, stepOf, ungroupIdCard } from '../../miniprogram/pages-member/register/steps';
import { ok } from './builders';
import { settle, stubStorage, tap, textOf, type PageComponent } from './harness';
import { aMembership, callsTo, stubBackend } from './member-builders';
import {
  VALID_ID,
  fillStepOne,
  fillValidForm,
  nextStep,
  openRegister,
  registerReplying,
  stepShown,
  typeInto,
} from './register-driver';

jest.setTimeout(30000);

beforeEach(() => {
  jest.resetModules();
  jest.spyOn(wx, 'pageScrollTo').mockImplementation(() => undefined);
});

afterEach(() => {
  jest.restoreAllMocks();
});

const formOf = (page: PageComponent) => (page.instance.data as { form: ReturnType<typeof emptyForm> }).form;
const shownIdCard = (page: PageComponent) => (page.instance.data as { idCardShown: string }).idCardShown;

describe('the steps', () => {
  test.each([
    ['name', 1],
    ['holdsPaperCertificate', 1],
    ['homeOrgName', 2],
    ['region', 2],
    ['address', 2],
    ['industry', 3],
    ['consent', 3],
  ] as const)('%s is on step %i', (key, step) => {
    expect(stepOf(key)).toBe(step);
  });

  test.each([
    ['350206198503124511', '350206 19850312 4511'],
    ['3502061985', '350206 1985'],
    ['350206', '350206'],
    ['35020619850312451x', '350206 19850312 451X'],
    ['350206 19850312 4511', '350206 19850312 4511'],
  ])('groups %s as %s', (typed, shown) => {
    expect(groupIdCard(typed)).toBe(shown);
    expect(ungroupIdCard(shown)).toBe(typed.replace(/\s/g, '').toUpperCase());
  });

  test('上一步 goes back with everything typed still there, and 下一步 forward again', async () => {
    stubStorage();
    stubBackend();
    const page = await openRegister();
    await fillStepOne(page);
    await nextStep(page);
    await typeInto(page, '#input-homeOrgName', '中共段集镇委员会');
    await tap(page, '#back', '.t-button');
    expect(stepShown(page)).toBe(1);
    expect(formOf(page)).toMatchObject({ name: '李红梅', idCardNumber: VALID_ID, homeOrgName: '中共段集镇委员会' });
    await nextStep(page);
    expect(stepShown(page)).toBe(2);
    expect(formOf(page).homeOrgName).toBe('中共段集镇委员会');
  });

  test('the 身份证号 is shown in groups as it is typed, and kept without the spaces', async () => {
    stubStorage();
    stubBackend();
    const page = await openRegister();
    await typeInto(page, '#input-idCardNumber', '35020619850');
    expect(shownIdCard(page)).toBe('350206 19850');
    await typeInto(page, '#input-idCardNumber', '350206 19850312 4511');
    expect(shownIdCard(page)).toBe('350206 19850312 4511');
    expect(formOf(page).idCardNumber).toBe(VALID_ID);
    expect(textOf(page.querySelector('#birth-date'), '.t-cell')).toContain('1985年3月12日');
  });
});

describe('the draft', () => {
  test('what was typed comes back after the mini-program is closed, on the step left, without the consent', async () => {
    const store = stubStorage();
    stubBackend();
    const first = await openRegister();
    await fillValidForm(first);
    expect(stepShown(first)).toBe(3);
    expect(formOf(first).consent).toBe(true);
    expect(store.get(DRAFT_KEY)).toMatchObject({ step: 3, form: { name: '李红梅', consent: false } });

    jest.resetModules();
    const again = await openRegister();
    expect(stepShown(again)).toBe(3);
    expect(formOf(again)).toMatchObject({
      name: '李红梅',
      idCardNumber: VALID_ID,
      homeOrgName: '中共段集镇委员会',
      consent: false,
    });
    expect(shownIdCard(again)).toBe('350206 19850312 4511');
    expect(textOf(again.querySelector('#cell-joinedPartyOn'), '.t-cell')).toContain('2010年7月1日');
    // The region picker is set to the place chosen before.
    expect(textOf(again.querySelector('#region'))).toContain('殿前街道');
  });

  test('says it was restored, and 清空重填 starts again with nothing kept', async () => {
    const store = stubStorage();
    stubBackend();
    const first = await openRegister();
    await fillStepOne(first);
    jest.resetModules();
    const again = await openRegister();
    expect(textOf(again.querySelector('#draft-note'))).toContain('没填完的内容');
    again.querySelector('#start-over')!.dispatchEvent('tap');
    await settle();
    expect(formOf(again).name).toBe('');
    expect(again.querySelector('#draft-note')).toBeUndefined();
    expect(store.has(DRAFT_KEY)).toBe(false);
  });

  test('goes once the registration is sent', async () => {
    const store = stubStorage();
    const request = stubBackend(registerReplying(() => ({ body: ok(aMembership({ name: '李红梅' })) })));
    const page = await openRegister();
    await fillValidForm(page);
    await tap(page, '#submit', '.t-button');
    await settle();
    expect(callsTo(request, 'member.register')).toHaveLength(1);
    expect(store.has(DRAFT_KEY)).toBe(false);
  });

  test(`one older than ${DRAFT_DAYS} days, or not a form, is dropped`, async () => {
    const old = {
      form: { ...emptyForm(), name: '旧的' },
      step: 2,
      savedAt: Date.now() - (DRAFT_DAYS + 1) * 86_400_000,
    };
    const store = stubStorage({ [DRAFT_KEY]: old });
    stubBackend();
    const page = await openRegister();
    expect(formOf(page).name).toBe('');
    expect(stepShown(page)).toBe(1);
    expect(store.has(DRAFT_KEY)).toBe(false);

    jest.resetModules();
    stubStorage({ [DRAFT_KEY]: { form: { name: 42, step: 'x' }, step: 9, savedAt: Date.now() } });
    const broken = await openRegister();
    expect(formOf(broken).name).toBe('');
    expect(stepShown(broken)).toBe(1);
  });
});

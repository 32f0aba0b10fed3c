/**
 * Driving the 报到 form (pages-member/register/index) as a person would: open it, type, choose,
 * pick dates and the region, and read the message next to a field. Shared by the register tests.
 */
import type { RegistrationInput } from '../../typings';
import { callLifecycle, renderPage, settle, tap, textOf, type PageComponent } from './harness';
import type { Route } from './member-builders';

export const REGISTER = 'pages-member/register/index';

/** A valid 身份证号: born 1985-03-12, male (sequence digit 1 is odd). */
export const VALID_ID = '350206198503124511';

export async function openRegister(query: Record<string, string> = {}): Promise<PageComponent> {
  const page = renderPage(REGISTER);
  callLifecycle(page, 'onLoad', query);
  await settle();
  return page;
}

/** Types into a t-input or t-textarea (the event goes to the native element inside: pitfall 6). */
export async function typeInto(page: PageComponent, selector: string, value: string): Promise<void> {
  const host = page.querySelector(selector);
  const native = host?.querySelector('.t-input__control') ?? host?.querySelector('.t-textarea__wrapper-inner');
  if (!native) throw new Error(`no text box in ${selector}`);
  native.dispatchEvent('input', { detail: { value } });
  await settle();
}

/** Leaves a text box, which shows its message if it has one. */
export async function leave(page: PageComponent, selector: string): Promise<void> {
  const host = page.querySelector(selector);
  const native = host?.querySelector('.t-input__control') ?? host?.querySelector('.t-textarea__wrapper-inner');
  if (!native) throw new Error(`no text box in ${selector}`);
  native.dispatchEvent('blur', { detail: { value: '' } });
  await settle();
}

/** Taps the radio labelled `label` inside a t-radio-group. */
export async function choose(page: PageComponent, groupSelector: string, label: string): Promise<void> {
  const group = page.querySelector(groupSelector);
  const radios = group?.querySelectorAll('.t-radio-option') ?? [];
  const radio = radios.find((r) => textOf(r, '.t-radio__title') === label);
  if (!radio) throw new Error(`no choice ${label} in ${groupSelector}`);
  const content = radio.querySelector('.t-radio__content');
  if (!content) throw new Error(`choice ${label} has no content to tap`);
  content.dispatchEvent('tap');
  await settle();
}

/** Opens a picker from its row, then confirms a value as its 确定 button would. */
export async function confirmPicker(page: PageComponent, row: string, selector: string, value: unknown): Promise<void> {
  await tap(page, row, '.t-cell');
  const picker = page.querySelector(selector);
  if (!picker) throw new Error(`no picker ${selector}`);
  picker.instance.triggerEvent('confirm', { value });
  await settle();
}

/** Picks 湖里区 → 殿前街道 → 兴隆社区 in the region picker, as a person would. */
export async function pickRegion(page: PageComponent): Promise<void> {
  const region = page.querySelector('#region');
  if (!region) throw new Error('no region picker');
  const pickName = async (name: string) => {
    const option = region.querySelectorAll('.region-option').find((o) => textOf(o).replace(/^✓ /, '') === name);
    if (!option) throw new Error(`no region option ${name}`);
    option.dispatchEvent('tap');
    await settle();
  };
  const district = region.querySelector('#region-district')?.querySelector('.t-cell');
  if (!district) throw new Error('no district row');
  district.dispatchEvent('tap');
  await settle();
  await pickName('湖里区');
  await pickName('殿前街道');
  await pickName('兴隆社区');
}

/** 下一步: the step's fields are checked, and the next step shows if they are right. */
export async function nextStep(page: PageComponent): Promise<void> {
  await tap(page, '#next', '.t-button');
}

/** The step on screen (1…3), from the progress line. */
export function stepShown(page: PageComponent): number {
  return Number(/第 (\d) 步/.exec(textOf(page.querySelector('#progress-text')))?.[1] ?? 0);
}

/** Fills step 1 (who the person is) with valid values. */
export async function fillStepOne(page: PageComponent): Promise<void> {
  await typeInto(page, '#input-name', '李红梅');
  await typeInto(page, '#input-idCardNumber', VALID_ID);
  await typeInto(page, '#input-phone', '13812345678');
  await confirmPicker(page, '#cell-joinedPartyOn', '#joined-picker', '2010-07-01');
  await choose(page, '#choice-partyStatus', '正式党员');
}

/**
 * Fills every field with valid values, optional ones included (the region unless it is
 * preselected), moving on with 下一步 as a person does: it ends on step 3, by 提交报到.
 */
export async function fillValidForm(page: PageComponent, { pickTheRegion = true } = {}): Promise<void> {
  await fillStepOne(page);
  await nextStep(page);
  await typeInto(page, '#input-homeOrgName', '中共段集镇委员会');
  await typeInto(page, '#input-homeProvince', '河南省');
  await typeInto(page, '#input-homeCounty', '固始县');
  await typeInto(page, '#input-homeContactName', '王书记');
  await typeInto(page, '#input-homeContactPhone', '0376-4567890');
  await confirmPicker(page, '#cell-leftHomeOn', '#left-picker', '2019-03');
  await typeInto(page, '#input-leftHomeReason', '来厦门跑快递');
  if (pickTheRegion) await pickRegion(page);
  await typeInto(page, '#input-address', '兴隆路12号');
  await nextStep(page);
  await choose(page, '#choice-industry', '快递');
  await typeInto(page, '#input-employer', '顺丰湖里网点');
  await choose(page, '#choice-wish', '在住的地方参加');
  await tap(page, '#consent', '.t-checkbox');
}

/** What a person who fills the form as above sends. */
export const EXPECTED_INPUT: RegistrationInput = {
  name: '李红梅',
  gender: 'male',
  ethnicity: '汉族',
  birthDate: '1985-03-12',
  idCardNumber: VALID_ID,
  phone: '13812345678',
  joinedPartyOn: '2010-07-01',
  partyStatus: 'full',
  home: {
    orgName: '中共段集镇委员会',
    province: '河南省',
    county: '固始县',
    contactName: '王书记',
    contactPhone: '0376-4567890',
  },
  leftHomeOn: '2019-03',
  leftHomeReason: '来厦门跑快递',
  residence: { districtId: 'xm-huli', streetId: 'xm-huli-dq', communityId: 'xm-huli-dq-c01', address: '兴隆路12号' },
  work: { industry: 'express', employer: '顺丰湖里网点' },
  holdsPaperCertificate: false,
  wish: 'near_residence',
  privacyConsentVersion: '2026-11',
};

export function errorText(page: PageComponent, key: string): string {
  return textOf(page.querySelector(`#error-${key}`));
}

export function registerReplying(answer: Route): Record<string, Route> {
  return { 'member.register': answer };
}

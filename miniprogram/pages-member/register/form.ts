/**
 * The 报到 form as the page holds it (flat, every field a string or boolean) and its rules:
 * which message shows next to which field, and the `RegistrationInput` sent when all is well.
 * Pure: no wx, no I/O, the current day passed in, so tests can state every rule.
 */
import type { AssignmentWish, Gender, Industry, PartyStatus, RegistrationInput } from '../../../typings';
import { PRIVACY_NOTICE_VERSION } from '../../constants/member';
import {
  checkChosen,
  checkIdCard,
  checkMobile,
  checkOptionalText,
  checkText,
  type Checked,
} from '../../utils/validate';
import { shanghaiDay, shanghaiMonth } from '../../utils/shanghai-time';

export interface RegistrationForm {
  name: string;
  idCardNumber: string;
  /** Filled from the 身份证号 once it is valid; empty until then. */
  birthDate: string;
  /** Filled from the 身份证号 once it is valid; empty until then. */
  gender: Gender | '';
  ethnicity: string;
  phone: string;
  joinedPartyOn: string;
  partyStatus: PartyStatus | '';
  holdsPaperCertificate: boolean;
  homeOrgName: string;
  homeProvince: string;
  homeCounty: string;
  homeContactName: string;
  homeContactPhone: string;
  leftHomeOn: string;
  leftHomeReason: string;
  districtId: string;
  streetId: string;
  communityId: string;
  address: string;
  industry: Industry | '';
  employer: string;
  job: string;
  wish: AssignmentWish | '';
  consent: boolean;
}

/**
 * Where a message can show, in the order the fields appear on the page (so the first one is
 * where the page scrolls to). `region` covers the three residence pickers.
 */
export const FIELD_ORDER = [
  'name',
  'idCardNumber',
  'birthDate',
  'gender',
  'ethnicity',
  'phone',
  'joinedPartyOn',
  'partyStatus',
  'holdsPaperCertificate',
  'homeOrgName',
  'homeProvince',
  'homeCounty',
  'homeContactName',
  'homeContactPhone',
  'leftHomeOn',
  'leftHomeReason',
  'region',
  'address',
  'industry',
  'employer',
  'job',
  'wish',
  'consent',
] as const;

export type FieldKey = (typeof FIELD_ORDER)[number];
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** A new, empty form. 汉族 is preselected (the person can change it); everything else is empty. */
export function emptyForm(): RegistrationForm {
  return {
    name: '',
    idCardNumber: '',
    birthDate: '',
    gender: '',
    ethnicity: '汉族',
    phone: '',
    joinedPartyOn: '',
    partyStatus: '',
    holdsPaperCertificate: false,
    homeOrgName: '',
    homeProvince: '',
    homeCounty: '',
    homeContactName: '',
    homeContactPhone: '',
    leftHomeOn: '',
    leftHomeReason: '',
    districtId: '',
    streetId: '',
    communityId: '',
    address: '',
    industry: '',
    employer: '',
    job: '',
    wish: '',
    consent: false,
  };
}

/** The message for a check, or '' when it passed. */
function messageOf<T>(checked: Checked<T>): string {
  return checked.ok ? '' : checked.message;
}

/** The day someone born on `birthDate` turns eighteen, YYYY-MM-DD (as the server reckons it). */
function eighteenthBirthday(birthDate: string): string {
  return `${Number(birthDate.slice(0, 4)) + 18}${birthDate.slice(4)}`;
}

/**
 * The message to show next to one field, or '' when it is fine. Fields that depend on others
 * (入党日期 on the birth date) are checked against what the form holds now.
 */
export function checkField(key: FieldKey, form: RegistrationForm, today: Date): string {
  switch (key) {
    case 'name':
      return messageOf(checkText(form.name, '姓名', 1, 30));
    case 'idCardNumber':
      return messageOf(checkIdCard(form.idCardNumber, today));
    case 'birthDate':
    case 'gender':
      // Both come from the 身份证号: its own message says what to fix.
      return '';
    case 'ethnicity':
      return messageOf(checkChosen(form.ethnicity, '民族'));
    case 'phone':
      return messageOf(checkMobile(form.phone));
    case 'joinedPartyOn': {
      if (form.joinedPartyOn === '') return '请选择入党日期';
      if (form.joinedPartyOn > shanghaiDay(today)) return '入党日期不能晚于今天';
      if (form.birthDate !== '' && form.joinedPartyOn < eighteenthBirthday(form.birthDate)) {
        return '入党时应年满十八周岁，请核对入党日期';
      }
      return '';
    }
    case 'partyStatus':
      return messageOf(checkChosen(form.partyStatus, '是正式党员还是预备党员'));
    case 'holdsPaperCertificate':
      return '';
    case 'homeOrgName':
      return messageOf(checkText(form.homeOrgName, '老家党组织的名称', 2, 60));
    case 'homeProvince':
      return messageOf(checkText(form.homeProvince, '老家所在的省', 1, 20));
    case 'homeCounty':
      return messageOf(checkText(form.homeCounty, '老家所在的县（市、区）', 1, 30));
    case 'homeContactName':
      return messageOf(checkOptionalText(form.homeContactName, '联系人', 30));
    case 'homeContactPhone':
      return messageOf(checkOptionalText(form.homeContactPhone, '联系电话', 30));
    case 'leftHomeOn': {
      if (form.leftHomeOn === '') return '请选择外出时间';
      if (form.leftHomeOn > shanghaiMonth(today)) return '外出时间不能晚于本月';
      if (form.birthDate !== '' && form.leftHomeOn < form.birthDate.slice(0, 7)) return '外出时间早于出生日期，请核对';
      return '';
    }
    case 'leftHomeReason':
      return messageOf(checkText(form.leftHomeReason, '外出原因', 2, 200));
    case 'region':
      if (form.districtId === '') return '请选择现在住在哪个区';
      if (form.streetId === '') return '请选择现在住在哪个街道（镇）';
      return '';
    case 'address':
      return messageOf(checkText(form.address, '详细地址', 2, 100));
    case 'industry':
      return messageOf(checkChosen(form.industry, '从事的行业'));
    case 'employer':
      return messageOf(checkOptionalText(form.employer, '工作单位', 60));
    case 'job':
      return messageOf(checkOptionalText(form.job, '岗位', 30));
    case 'wish':
      return messageOf(checkChosen(form.wish, '想在哪里参加组织生活'));
    case 'consent':
      return form.consent ? '' : '请阅读上面的说明，同意后勾选';
  }
}

/** Every message the form has now, keyed by field; an empty object when it can be sent. */
export function checkForm(form: RegistrationForm, today: Date): FieldErrors {
  const errors: FieldErrors = {};
  for (const key of FIELD_ORDER) {
    const message = checkField(key, form, today);
    if (message !== '') errors[key] = message;
  }
  return errors;
}

/** The first field with a message, in page order (where to scroll), or null. */
export function firstErrorKey(errors: FieldErrors): FieldKey | null {
  return FIELD_ORDER.find((key) => Boolean(errors[key])) ?? null;
}

/** How many fields have a message. */
export function errorCount(errors: FieldErrors): number {
  return FIELD_ORDER.filter((key) => Boolean(errors[key])).length;
}

/** Server field paths (the contract's dot paths) to the place on the form that shows them. */
const SERVER_FIELDS: Record<string, FieldKey> = {
  name: 'name',
  gender: 'gender',
  ethnicity: 'ethnicity',
  birthDate: 'birthDate',
  idCardNumber: 'idCardNumber',
  phone: 'phone',
  joinedPartyOn: 'joinedPartyOn',
  partyStatus: 'partyStatus',
  'home.orgName': 'homeOrgName',
  'home.province': 'homeProvince',
  'home.county': 'homeCounty',
  'home.contactName': 'homeContactName',
  'home.contactPhone': 'homeContactPhone',
  leftHomeOn: 'leftHomeOn',
  leftHomeReason: 'leftHomeReason',
  'residence.districtId': 'region',
  'residence.streetId': 'region',
  'residence.communityId': 'region',
  'residence.address': 'address',
  'work.industry': 'industry',
  'work.employer': 'employer',
  'work.job': 'job',
  holdsPaperCertificate: 'holdsPaperCertificate',
  wish: 'wish',
  privacyConsentVersion: 'consent',
};

/** Where on the form a server error about `field` belongs, or null when no field shows it. */
export function fieldKeyOfServerField(field: string | undefined): FieldKey | null {
  if (field === undefined) return null;
  return Object.prototype.hasOwnProperty.call(SERVER_FIELDS, field) ? SERVER_FIELDS[field] : null;
}

function optional(value: string): string | undefined {
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/**
 * What is sent to `member.register`, from a form that passed `checkForm` (throws otherwise: a
 * page that sends an unchecked form is a bug). Optional fields left empty are omitted.
 */
export function toRegistrationInput(form: RegistrationForm, today: Date, scene?: string): RegistrationInput {
  const id = checkIdCard(form.idCardNumber, today);
  const phone = checkMobile(form.phone);
  const { gender, partyStatus, industry, wish } = form;
  if (!id.ok || !phone.ok || gender === '' || partyStatus === '' || industry === '' || wish === '') {
    throw new Error('toRegistrationInput: the form has not passed checkForm');
  }
  const input: RegistrationInput = {
    name: form.name.trim(),
    gender,
    ethnicity: form.ethnicity,
    birthDate: id.value.birthDate,
    idCardNumber: id.value.number,
    phone: phone.value,
    joinedPartyOn: form.joinedPartyOn,
    partyStatus,
    home: {
      orgName: form.homeOrgName.trim(),
      province: form.homeProvince.trim(),
      county: form.homeCounty.trim(),
    },
    leftHomeOn: form.leftHomeOn,
    leftHomeReason: form.leftHomeReason.trim(),
    residence: {
      districtId: form.districtId,
      streetId: form.streetId,
      address: form.address.trim(),
    },
    work: { industry },
    holdsPaperCertificate: form.holdsPaperCertificate,
    wish,
    privacyConsentVersion: PRIVACY_NOTICE_VERSION,
  };
  const contactName = optional(form.homeContactName);
  const contactPhone = optional(form.homeContactPhone);
  if (contactName !== undefined) input.home.contactName = contactName;
  if (contactPhone !== undefined) input.home.contactPhone = contactPhone;
  if (form.communityId !== '') input.residence.communityId = form.communityId;
  const employer = optional(form.employer);
  const job = optional(form.job);
  if (employer !== undefined) input.work.employer = employer;
  if (job !== undefined) input.work.job = job;
  if (scene !== undefined && scene !== '') input.scene = scene;
  return input;
}

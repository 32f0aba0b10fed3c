/** pages-member/register/form.ts: which message shows where, and what is sent. */
import {
  checkField,
  checkForm,
  emptyForm,
  fieldKeyOfServerField,
  firstErrorKey,
  toRegistrationInput,
  type RegistrationForm,
} from '../../miniprogram/pages-member/register/form';

const TODAY = new Date('2026-11-27T04:00:00Z');

function aValidForm(overrides: Partial<RegistrationForm> = {}): RegistrationForm {
  return {
    ...emptyForm(),
    name: ' 李红梅 ',
    idCardNumber: '350206198503124511',
    birthDate: '1985-03-12',
    gender: 'male',
    phone: '138 1234 5678',
    joinedPartyOn: '2010-07-01',
    partyStatus: 'probationary',
    homeOrgName: '中共段集镇委员会',
    homeProvince: '河南省',
    homeCounty: '固始县',
    leftHomeOn: '2019-03',
    leftHomeReason: '跑快递',
    districtId: 'xm-huli',
    streetId: 'xm-huli-dq',
    address: '兴隆路12号',
    industry: 'food_delivery',
    wish: 'by_industry',
    consent: true,
    ...overrides,
  };
}

test('a valid form has no message', () => {
  expect(checkForm(aValidForm(), TODAY)).toEqual({});
});

test('an empty form asks for every required field (汉族 is preset), in page order', () => {
  const errors = checkForm(emptyForm(), TODAY);
  expect(Object.keys(errors)).toEqual([
    'name',
    'idCardNumber',
    'phone',
    'joinedPartyOn',
    'partyStatus',
    'homeOrgName',
    'homeProvince',
    'homeCounty',
    'leftHomeOn',
    'leftHomeReason',
    'region',
    'address',
    'industry',
    'wish',
    'consent',
  ]);
  expect(firstErrorKey(errors)).toBe('name');
});

test.each([
  ['joinedPartyOn', { joinedPartyOn: '2026-11-28' }, '入党日期不能晚于今天'],
  ['joinedPartyOn', { joinedPartyOn: '2003-03-11' }, '入党时应年满十八周岁，请核对入党日期'],
  ['leftHomeOn', { leftHomeOn: '2026-12' }, '外出时间不能晚于本月'],
  ['leftHomeOn', { leftHomeOn: '1985-02' }, '外出时间早于出生日期，请核对'],
  ['region', { streetId: '' }, '请选择现在住在哪个街道（镇）'],
  ['region', { districtId: '', streetId: '' }, '请选择现在住在哪个区'],
  ['consent', { consent: false }, '请阅读上面的说明，同意后勾选'],
] as const)('%s: %j → %s', (key, overrides, message) => {
  expect(checkField(key, aValidForm(overrides), TODAY)).toBe(message);
});

test('the day someone turns eighteen is old enough to join', () => {
  expect(checkField('joinedPartyOn', aValidForm({ joinedPartyOn: '2003-03-12' }), TODAY)).toBe('');
});

test('the input is trimmed and cleaned; empty optional fields are left out', () => {
  expect(toRegistrationInput(aValidForm(), TODAY)).toEqual({
    name: '李红梅',
    gender: 'male',
    ethnicity: '汉族',
    birthDate: '1985-03-12',
    idCardNumber: '350206198503124511',
    phone: '13812345678',
    joinedPartyOn: '2010-07-01',
    partyStatus: 'probationary',
    home: { orgName: '中共段集镇委员会', province: '河南省', county: '固始县' },
    leftHomeOn: '2019-03',
    leftHomeReason: '跑快递',
    residence: { districtId: 'xm-huli', streetId: 'xm-huli-dq', address: '兴隆路12号' },
    work: { industry: 'food_delivery' },
    holdsPaperCertificate: false,
    wish: 'by_industry',
    privacyConsentVersion: '2026-11',
  });
});

test('an unchecked form is refused rather than sent', () => {
  expect(() => toRegistrationInput(emptyForm(), TODAY)).toThrow('checkForm');
});

test.each([
  ['idCardNumber', 'idCardNumber'],
  ['home.orgName', 'homeOrgName'],
  ['residence.districtId', 'region'],
  ['residence.communityId', 'region'],
  ['residence.address', 'address'],
  ['work.industry', 'industry'],
  ['privacyConsentVersion', 'consent'],
])('a server message about %s shows at %s', (field, key) => {
  expect(fieldKeyOfServerField(field)).toBe(key);
});

test('a server field the form has no place for goes to a dialog', () => {
  expect(fieldKeyOfServerField('scene')).toBeNull();
  expect(fieldKeyOfServerField(undefined)).toBeNull();
  expect(fieldKeyOfServerField('toString')).toBeNull();
});

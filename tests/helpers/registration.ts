import { idCardCheckChar } from '../../server/domain/id-card';
import type { RegistrationInput } from '../../typings/areas/member';

let serial = 100;

/** A valid 身份证号, unique per call: the sequence digits advance, then the birth day (from 1980-01-01). */
export function anIdCard(birth?: string, region = '360730', odd = true): string {
  serial += 2;
  const day = new Date(Date.UTC(1980, 0, 1 + Math.floor(serial / 998)));
  const born = birth ?? day.toISOString().slice(0, 10).replaceAll('-', '');
  const seq = String((serial % 998) + (odd ? 1 : 0)).padStart(3, '0');
  const first17 = `${region}${born}${seq}`;
  return first17 + idCardCheckChar(first17);
}

/** A distinct valid mobile number. */
export const aPhone = () => `139${String(10000000 + serial++).slice(-8)}`;

/** A complete, valid registration (a male courier in 中华街道 仁安社区, from 宁都县); override what a test is about. */
export function aRegistration(overrides: Partial<RegistrationInput> = {}): RegistrationInput {
  const idCardNumber = overrides.idCardNumber ?? anIdCard();
  const birthDate = `${idCardNumber.slice(6, 10)}-${idCardNumber.slice(10, 12)}-${idCardNumber.slice(12, 14)}`;
  return {
    name: '张建华',
    gender: Number(idCardNumber[16]) % 2 ? 'male' : 'female',
    ethnicity: '汉族',
    birthDate,
    idCardNumber,
    phone: aPhone(),
    joinedPartyOn: '2015-07-01',
    partyStatus: 'full',
    home: { orgName: '宁都县梅江镇某村党支部', province: '江西省', county: '宁都县', contactName: '李书记' },
    leftHomeOn: '2020-03',
    leftHomeReason: '外出务工',
    residence: {
      districtId: 'xm-siming',
      streetId: 'xm-siming-zhonghua',
      communityId: 'xm-siming-zhonghua-c01',
      address: '大同路 100 号',
    },
    work: { industry: 'express', employer: '某快递网点', job: '快递员' },
    holdsPaperCertificate: true,
    wish: 'near_residence',
    privacyConsentVersion: '2026-11',
    ...overrides,
  };
}

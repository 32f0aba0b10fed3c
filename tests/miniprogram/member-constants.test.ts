/** constants/member.ts: every label the member pages show, and the fixed lists they offer. */
import {
  CERTIFICATE_STATE_EXPLANATIONS,
  CERTIFICATE_STATE_LABELS,
  ETHNICITIES,
  INDUSTRIES,
  INDUSTRY_LABELS,
  PRIVACY_NOTICE_VERSION,
  WISHES,
  WISH_EXPLANATIONS,
  WISH_LABELS,
} from '../../miniprogram/constants/member';

test('the 56 民族, each once, 汉族 first', () => {
  expect(ETHNICITIES).toHaveLength(56);
  expect(new Set(ETHNICITIES).size).toBe(56);
  expect(ETHNICITIES[0]).toBe('汉族');
  expect(ETHNICITIES.every((e) => e.endsWith('族'))).toBe(true);
});

test('the industry list offers every industry of the contract, each once', () => {
  expect([...INDUSTRIES].sort()).toEqual(Object.keys(INDUSTRY_LABELS).sort());
});

test('every wish has a label and a plain explanation', () => {
  expect([...WISHES].sort()).toEqual(Object.keys(WISH_LABELS).sort());
  for (const wish of WISHES) expect(WISH_EXPLANATIONS[wish].length).toBeGreaterThan(10);
});

test('every certificate state is named and explained', () => {
  expect(Object.keys(CERTIFICATE_STATE_EXPLANATIONS).sort()).toEqual(Object.keys(CERTIFICATE_STATE_LABELS).sort());
});

test('the privacy notice version is a YYYY-MM string the server accepts (≤ 20 characters)', () => {
  expect(PRIVACY_NOTICE_VERSION).toMatch(/^\d{4}-\d{2}$/);
});

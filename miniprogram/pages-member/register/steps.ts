/**
 * 报到 in three steps, so nobody scrolls through ten screens at once: which fields each step
 * holds, the step a message belongs to, and the 身份证号 grouped 6-8-4 as it is typed. Pure.
 */
import { FIELD_ORDER, type FieldErrors, type FieldKey } from './form';

export interface StepInfo {
  title: string;
  /** The first field of the next step: the fields from here to there are this step's. */
  firstKey: FieldKey;
}

export const STEPS: readonly StepInfo[] = [
  { title: '您的身份', firstKey: 'name' },
  { title: '从哪里来、住在哪里', firstKey: 'homeOrgName' },
  { title: '工作和意愿', firstKey: 'industry' },
];
export const STEP_COUNT = STEPS.length;

/** The step (1-based) a field is on. */
export function stepOf(key: FieldKey): number {
  const at = FIELD_ORDER.indexOf(key);
  let step = 1;
  STEPS.forEach((s, i) => {
    if (FIELD_ORDER.indexOf(s.firstKey) <= at) step = i + 1;
  });
  return step;
}

/** Only the messages of one step: moving on checks what the person can see. */
export function errorsOfStep(errors: FieldErrors, step: number): FieldErrors {
  const out: FieldErrors = {};
  for (const key of FIELD_ORDER) if (errors[key] && stepOf(key) === step) out[key] = errors[key];
  return out;
}

/** The earliest step with a message, or null. */
export function firstStepWithErrors(errors: FieldErrors): number | null {
  const key = FIELD_ORDER.find((k) => Boolean(errors[k]));
  return key ? stepOf(key) : null;
}

/** '350206198503124511' → '350206 19850312 4511': the region, the birthday, the rest, to check by eye. */
export function groupIdCard(raw: string): string {
  const bare = ungroupIdCard(raw);
  return [bare.slice(0, 6), bare.slice(6, 14), bare.slice(14)].filter((part) => part !== '').join(' ');
}

/** What was typed, without the spaces the grouping adds; a lower-case x becomes X. */
export function ungroupIdCard(shown: string): string {
  return shown.replace(/\s+/g, '').toUpperCase();
}

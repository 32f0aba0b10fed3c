/**
 * The unfinished 报到 form kept on the phone, so a step left, a call answered or the app closed
 * loses nothing. Storage calls only; the time is passed in.
 */
import { STEP_COUNT } from './steps';
import type { RegistrationForm } from './form';

/** The draft's storage key, and how long an unfinished form is kept. */
export const DRAFT_KEY = 'registerDraft';
export const DRAFT_DAYS = 7;

export interface RegisterDraft {
  form: RegistrationForm;
  step: number;
  savedAt: number;
}

/**
 * Kept on the person's own phone only, and never the consent: agreeing is asked again each time.
 * Removed once the registration is sent.
 */
export function saveDraft(form: RegistrationForm, step: number, now: number): void {
  const draft: RegisterDraft = { form: { ...form, consent: false }, step, savedAt: now };
  try {
    wx.setStorageSync(DRAFT_KEY, draft);
  } catch {
    // A full or unavailable storage only loses the convenience.
  }
}

/** The draft if there is a usable one not older than DRAFT_DAYS; an old or broken one is dropped. */
export function loadDraft(now: number, blank: RegistrationForm): RegisterDraft | null {
  let draft: unknown;
  try {
    draft = wx.getStorageSync(DRAFT_KEY);
  } catch {
    return null;
  }
  if (!draft || typeof draft !== 'object') return null;
  const d = draft as Partial<RegisterDraft>;
  const fresh = typeof d.savedAt === 'number' && now - d.savedAt < DRAFT_DAYS * 86_400_000;
  if (!fresh || !d.form || typeof d.form !== 'object') {
    clearDraft();
    return null;
  }
  // Only the fields a form has, of the type they have there.
  const form = { ...blank };
  for (const key of Object.keys(blank) as (keyof RegistrationForm)[]) {
    const value = (d.form as unknown as Record<string, unknown>)[key];
    if (typeof value === typeof blank[key]) (form as unknown as Record<string, unknown>)[key] = value;
  }
  form.consent = false;
  const step = typeof d.step === 'number' && d.step >= 1 && d.step <= STEP_COUNT ? Math.floor(d.step) : 1;
  return { form, step, savedAt: d.savedAt as number };
}

export function clearDraft(): void {
  try {
    wx.removeStorageSync(DRAFT_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** Whether a form holds anything typed or chosen (an empty one is not worth keeping). */
export function hasContent(form: RegistrationForm, blank: RegistrationForm): boolean {
  return (Object.keys(blank) as (keyof RegistrationForm)[]).some((k) => k !== 'consent' && form[k] !== blank[k]);
}

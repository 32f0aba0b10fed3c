/**
 * 报到 / 亮身份: the registration form in three steps (who you are; where from and where you live;
 * work and wishes), then a result saying what happens next. 下一步 checks the step's fields only;
 * what is typed is kept on the phone as a draft across steps and restarts, and dropped once sent.
 * Arriving through a registration-point QR code (`scene`), the place is preselected. The page first
 * asks for the person's record: sent back → the branch's reason is shown and what is known kept;
 * pending → a note that resubmitting replaces it; already assigned → no form at all (the server
 * would refuse it at the end). Messages show next to each field on blur and on moving on; server
 * errors that name a field show there too, on its step. Written with Component() so page tests
 * can load it.
 */
import type { MyMembership } from '../../../typings';
import type { RegionValue } from '../../components/region-picker/region';
import {
  ETHNICITIES,
  INDUSTRIES,
  INDUSTRY_LABELS,
  MEMBER_STATE_LABELS,
  PARTY_STATUS_LABELS,
  PRIVACY_NOTICE_SUMMARY,
  GENDER_LABELS,
  WISHES,
  WISH_EXPLANATIONS,
  WISH_LABELS,
} from '../../constants/member';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchMyMembership, fetchRegistrationPoint, registerMember } from '../../services/member';
import { shanghaiDay } from '../../utils/shanghai-time';
import { checkIdCard } from '../../utils/validate';
import { formatDay, formatMonth, showNotice } from '../shared/format';
import { clearDraft, hasContent, loadDraft, saveDraft } from './draft';
import { STEPS, STEP_COUNT, errorsOfStep, firstStepWithErrors, groupIdCard, ungroupIdCard } from './steps';
import {
  checkField,
  checkForm,
  emptyForm,
  errorCount,
  fieldKeyOfServerField,
  firstErrorKey,
  toRegistrationInput,
  type FieldErrors,
  type FieldKey,
  type RegistrationForm,
} from './form';

/** Fields typed into a t-input or t-textarea. */
type TextField =
  | 'name'
  | 'idCardNumber'
  | 'phone'
  | 'homeOrgName'
  | 'homeProvince'
  | 'homeCounty'
  | 'homeContactName'
  | 'homeContactPhone'
  | 'leftHomeReason'
  | 'address'
  | 'employer'
  | 'job';
type ChoiceField = 'partyStatus' | 'industry' | 'wish';
type DateField = 'joinedPartyOn' | 'leftHomeOn';
type PickerName = 'ethnicity' | 'joined' | 'left';

/** A scene longer than this is not one of ours (WeChat allows 32 characters): it is ignored. */
const MAX_SCENE_LENGTH = 32;

/** Fields whose check reads another field: when the first changes, the others are checked again. */
const DEPENDENTS: Partial<Record<FieldKey, FieldKey[]>> = {
  idCardNumber: ['birthDate', 'gender', 'joinedPartyOn', 'leftHomeOn'],
};

type Dataset<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

function safeDecode(raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/** What the read-only 出生日期 and 性别 rows show for a 身份证号 as typed. */
function idCardFacts(idCardNumber: string, today: Date) {
  const checked = checkIdCard(idCardNumber, today);
  if (!checked.ok) return { birthDate: '', gender: '' as const, birthDateText: '', genderText: '' };
  const { birthDate, gender } = checked.value;
  return { birthDate, gender, birthDateText: formatDay(birthDate), genderText: GENDER_LABELS[gender] };
}

Component({
  data: {
    /** 'registered': already assigned (or later), so there is nothing to fill in. */
    status: 'form' as 'form' | 'done' | 'registered',
    form: emptyForm() as RegistrationForm,
    /** 1…STEP_COUNT: the step on screen. */
    step: 1,
    stepCount: STEP_COUNT,
    stepTitles: STEPS.map((s) => s.title),
    /** The 身份证号 as shown: grouped 6-8-4. */
    idCardShown: '',
    /** '12月3日': the day of the draft restored, '' when the form started empty. */
    draftDay: '',
    errors: {} as FieldErrors,
    /** Shown above the submit button after a refused submit: how many fields need attention. */
    errorSummary: '',
    submitting: false,
    birthDateText: '',
    genderText: '',
    joinedText: '',
    leftText: '',
    ethnicityVisible: false,
    joinedVisible: false,
    leftVisible: false,
    today: '',
    thisMonth: '',
    ethnicityOptions: ETHNICITIES.map((e) => ({ label: e, value: e })),
    partyStatusOptions: (['full', 'probationary'] as const).map((v) => ({ label: PARTY_STATUS_LABELS[v], value: v })),
    industryOptions: INDUSTRIES.map((v) => ({ label: INDUSTRY_LABELS[v], value: v })),
    wishOptions: WISHES.map((v) => ({ label: WISH_LABELS[v], value: v, content: WISH_EXPLANATIONS[v] })),
    privacyLines: PRIVACY_NOTICE_SUMMARY,
    /** The registration point the person came through (QR scene), sent with the form. */
    scene: '',
    pointName: '',
    /** Ids from the root to the registration point, for the region picker to preselect. */
    regionPreset: [] as string[],
    sentBackReason: '',
    /** A registration is already waiting for review: resubmitting replaces it. */
    pendingAlready: false,
    /** What the record says when there is nothing to fill in, e.g. 已编入支部. */
    registeredLabel: '',
    resultName: '',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const today = shanghaiDay(new Date());
      this.setData({ today, thisMonth: today.slice(0, 7) });
      this.restoreDraft();
      const scene = query.scene ? safeDecode(query.scene).trim() : '';
      if (scene !== '' && scene.length <= MAX_SCENE_LENGTH) {
        this.setData({ scene });
        void this.loadRegistrationPoint(scene);
      }
      void this.loadExisting();
    },

    /** What was typed last time, with the texts that follow from it; the region picker is preset to it. */
    restoreDraft() {
      const draft = loadDraft(Date.now(), emptyForm());
      if (!draft) return;
      const { form } = draft;
      const facts = idCardFacts(form.idCardNumber, new Date());
      this.setData({
        form,
        step: draft.step,
        idCardShown: groupIdCard(form.idCardNumber),
        birthDateText: facts.birthDateText,
        genderText: facts.genderText,
        joinedText: form.joinedPartyOn ? formatDay(form.joinedPartyOn) : '',
        leftText: form.leftHomeOn ? formatMonth(form.leftHomeOn) : '',
        regionPreset: [form.districtId, form.streetId, form.communityId].filter((id) => id !== ''),
        draftDay: formatDay(shanghaiDay(draft.savedAt)).replace(/^\d+年/, ''),
      });
    },

    /** Keeps what is on the form now, so nothing is lost; an untouched form is not kept. */
    keepDraft() {
      if (this.data.status !== 'form') return;
      if (hasContent(this.data.form, emptyForm())) saveDraft(this.data.form, this.data.step, Date.now());
    },

    /** 清空重填: the draft and everything typed go; the person starts again. */
    onStartOver() {
      clearDraft();
      this.setData({
        form: emptyForm(),
        step: 1,
        errors: {},
        errorSummary: '',
        idCardShown: '',
        birthDateText: '',
        genderText: '',
        joinedText: '',
        leftText: '',
        draftDay: '',
      });
      wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },

    /** 下一步: the step's own fields must be right first; then the next step, from its top. */
    onNext() {
      const stepErrors = errorsOfStep(checkForm(this.data.form, new Date()), this.data.step);
      if (errorCount(stepErrors) > 0) {
        this.showErrors(stepErrors);
        return;
      }
      this.setData({ step: Math.min(this.data.step + 1, STEP_COUNT), errors: {}, errorSummary: '' });
      this.keepDraft();
      wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },

    onBack() {
      this.setData({ step: Math.max(this.data.step - 1, 1), errors: {}, errorSummary: '' });
      this.keepDraft();
      wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },

    /** Names the registration point and preselects its place; if unknown, the form starts empty. */
    async loadRegistrationPoint(scene: string): Promise<void> {
      try {
        const node = await fetchRegistrationPoint(scene);
        this.setData({ pointName: node.name, regionPreset: [...node.ancestors, node.id] });
      } catch {
        // Not an organisation we know: the scene is still sent, the person picks the place.
      }
    },

    /** Looks at the person's record, if any; the form works without it when the call fails. */
    async loadExisting(): Promise<void> {
      let membership: MyMembership | null;
      try {
        membership = await fetchMyMembership();
      } catch {
        return;
      }
      if (!membership) return;
      if (membership.state === 'pending') {
        this.setData({ pendingAlready: true });
      } else if (membership.state === 'sent_back') {
        const { form } = this.data;
        this.setData({
          sentBackReason: membership.sentBackReason ?? '',
          'form.name': form.name || membership.name,
          'form.industry': form.industry || membership.industry,
          'form.wish': form.wish || membership.wish,
        });
      } else if (this.data.status === 'form') {
        this.setData({ status: 'registered', registeredLabel: MEMBER_STATE_LABELS[membership.state] });
      }
    },

    /** Checks one field (and those that read it) again and shows or clears their messages. */
    recheck(key: FieldKey) {
      const today = new Date();
      const keys = [key, ...(DEPENDENTS[key] ?? [])];
      const patch: Record<string, string> = {};
      for (const k of keys) {
        if (k === key || this.data.errors[k]) patch[`errors.${k}`] = checkField(k, this.data.form, today);
      }
      this.setData(patch);
      if (this.data.errorSummary !== '') this.updateSummary();
      this.keepDraft();
    },

    updateSummary() {
      const count = errorCount(this.data.errors);
      this.setData({ errorSummary: count > 0 ? `还有${count}处需要填写或修改，已用红字标出` : '' });
    },

    /** Shows the messages on the step of the first one, says how many there, and scrolls to it. */
    showErrors(errors: FieldErrors) {
      const step = firstStepWithErrors(errors) ?? this.data.step;
      this.setData({ step, errors: errorsOfStep(errors, step) });
      this.updateSummary();
      const first = firstErrorKey(errors);
      if (first) wx.pageScrollTo({ selector: `#field-${first}`, offsetTop: -16, duration: 300 });
    },

    onInput(event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: TextField }>) {
      const { field } = event.currentTarget.dataset;
      const value = field === 'idCardNumber' ? ungroupIdCard(event.detail.value) : event.detail.value;
      if (field === 'idCardNumber') {
        const facts = idCardFacts(value, new Date());
        this.setData({
          'form.idCardNumber': value,
          idCardShown: groupIdCard(value),
          'form.birthDate': facts.birthDate,
          'form.gender': facts.gender,
          birthDateText: facts.birthDateText,
          genderText: facts.genderText,
        });
      } else {
        this.setData({ [`form.${field}`]: value });
      }
      // While typing, only clear or update a message already shown; a new one waits for blur.
      if (this.data.errors[field]) this.recheck(field);
      else if (field === 'idCardNumber') this.recheckDependents(field);
      this.keepDraft();
    },

    /** Re-checks the fields that read `key` and already show a message. */
    recheckDependents(key: FieldKey) {
      const today = new Date();
      const patch: Record<string, string> = {};
      for (const k of DEPENDENTS[key] ?? []) {
        if (this.data.errors[k]) patch[`errors.${k}`] = checkField(k, this.data.form, today);
      }
      if (Object.keys(patch).length > 0) this.setData(patch);
    },

    onBlur(event: Dataset<{ field: TextField }>) {
      this.recheck(event.currentTarget.dataset.field);
    },

    onChoice(event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: ChoiceField }>) {
      const { field } = event.currentTarget.dataset;
      this.setData({ [`form.${field}`]: event.detail.value });
      this.recheck(field);
    },

    onPaperCertificate(event: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.setData({ 'form.holdsPaperCertificate': event.detail.value });
      this.keepDraft();
    },

    onConsent(event: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ 'form.consent': event.detail.checked });
      this.recheck('consent');
    },

    onOpenPicker(event: Dataset<{ picker: PickerName }>) {
      this.setData({ [`${event.currentTarget.dataset.picker}Visible`]: true });
    },

    onClosePicker(event: Dataset<{ picker: PickerName }>) {
      this.setData({ [`${event.currentTarget.dataset.picker}Visible`]: false });
    },

    onEthnicityConfirm(event: WechatMiniprogram.CustomEvent<{ value: string[] }>) {
      const [ethnicity] = event.detail.value;
      this.setData({ ethnicityVisible: false, 'form.ethnicity': ethnicity ?? '' });
      this.recheck('ethnicity');
    },

    onDateConfirm(
      event: WechatMiniprogram.CustomEvent<{ value: string }, Record<string, never>, { field: DateField }>,
    ) {
      const { field } = event.currentTarget.dataset;
      const value = String(event.detail.value);
      if (field === 'joinedPartyOn') {
        this.setData({ joinedVisible: false, 'form.joinedPartyOn': value, joinedText: formatDay(value) });
      } else {
        this.setData({ leftVisible: false, 'form.leftHomeOn': value, leftText: formatMonth(value) });
      }
      this.recheck(field);
    },

    onRegionChange(event: WechatMiniprogram.CustomEvent<RegionValue>) {
      const { districtId, streetId, communityId } = event.detail;
      this.setData({ 'form.districtId': districtId, 'form.streetId': streetId, 'form.communityId': communityId });
      if (this.data.errors.region) this.recheck('region');
      else this.keepDraft();
    },

    /** Checks everything; sends only a form with no message left, and only once at a time. */
    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const today = new Date();
      const errors = checkForm(this.data.form, today);
      if (errorCount(errors) > 0) {
        this.showErrors(errors);
        return;
      }
      this.setData({ submitting: true, errors: {}, errorSummary: '' });
      try {
        const input = toRegistrationInput(this.data.form, today, this.data.scene || undefined);
        const membership = await registerMember(input);
        clearDraft();
        this.setData({ submitting: false, status: 'done', resultName: membership.name });
        wx.pageScrollTo({ scrollTop: 0, duration: 0 });
      } catch (err) {
        this.setData({ submitting: false });
        await this.showSubmitError(err);
      }
    },

    /** A field the server names gets its message there; the rest get a dialog. */
    async showSubmitError(err: unknown): Promise<void> {
      const error = toCallError(err);
      const key = error.code === 'INVALID_ARGUMENT' ? fieldKeyOfServerField(error.field) : null;
      if (key) {
        this.showErrors({ [key]: error.message });
        return;
      }
      if (error.code === 'CONFLICT') {
        await showNotice('请联系支部处理', error.message);
        return;
      }
      if (error.code === 'ALREADY_EXISTS') {
        await showNotice('您已经报到过了', error.message);
        wx.switchTab({ url: '/pages/home/index' });
        return;
      }
      await showCallError(error, '没有提交成功');
    },

    onBackHome() {
      wx.switchTab({ url: '/pages/home/index' });
    },
  },
});

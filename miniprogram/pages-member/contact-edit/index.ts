/**
 * 修改联系方式: an assigned member reports a new phone and/or residence (a 流动党员's duty). Shows
 * what is on record (masked), checks what is typed, and sends only what changed. Before
 * assignment the server refuses (FAILED_PRECONDITION): the page says so first, and shows the
 * server's word if it still happens. Written with Component() for page tests.
 */
import type { MyMembership, ResidenceInput } from '../../../typings';
import {
  isRegionComplete,
  toResidenceInput,
  emptyRegion,
  type RegionValue,
} from '../../components/region-picker/region';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchMyMembership, updateMyContact } from '../../services/member';
import { checkMobile, checkText } from '../../utils/validate';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { showNotice } from '../shared/format';

type EditKind = 'unregistered' | 'waiting' | 'form';
type ErrorKey = 'phone' | 'region' | 'address' | 'nothing';
type Errors = Partial<Record<ErrorKey, string>>;

/** What is on record, as shown above the form. */
interface OnRecord {
  phoneMasked: string;
  residence: string;
}

function onRecord(m: MyMembership): OnRecord {
  const { district, street, community, address } = m.residence;
  return {
    phoneMasked: m.phoneMasked,
    residence: [district, street, community ?? '', address].filter((s) => s !== '').join(' '),
  };
}

/** Server field paths to where the message shows. */
function errorKeyOf(field: string | undefined): ErrorKey | null {
  if (field === 'phone') return 'phone';
  if (field === 'residence.address') return 'address';
  if (field !== undefined && field.startsWith('residence')) return 'region';
  return null;
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    kind: 'form' as EditKind,
    waitingText: '',
    sentBack: false,
    record: { phoneMasked: '', residence: '' } as OnRecord,
    phone: '',
    region: emptyRegion() as RegionValue,
    address: '',
    errors: {} as Errors,
    submitting: false,
    saved: false,
  },

  methods: {
    onLoad() {
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const m = await fetchMyMembership();
        if (!m) {
          this.setData({ status: 'ready', kind: 'unregistered' });
        } else if (m.state === 'pending' || m.state === 'sent_back') {
          this.setData({
            status: 'ready',
            kind: 'waiting',
            sentBack: m.state === 'sent_back',
            waitingText:
              m.state === 'pending'
                ? '您的报到信息还在审核中。审核通过、编入支部后，才能在这里修改手机号和居住地。'
                : '您的报到信息被退回修改了。请直接在报到信息里改好手机号和居住地，再重新提交。',
          });
        } else {
          this.setData({ status: 'ready', kind: 'form', record: onRecord(m) });
        }
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    onPhoneInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ phone: event.detail.value, saved: false });
      if (this.data.errors.phone || this.data.errors.nothing) this.setData({ errors: this.check(false) });
    },

    onPhoneBlur() {
      this.setData({ 'errors.phone': this.check(false).phone ?? '' });
    },

    onAddressInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ address: event.detail.value, saved: false });
      if (this.data.errors.address || this.data.errors.nothing) this.setData({ errors: this.check(false) });
    },

    onRegionChange(event: WechatMiniprogram.CustomEvent<RegionValue>) {
      this.setData({ region: event.detail, saved: false });
      if (this.data.errors.region || this.data.errors.nothing) this.setData({ errors: this.check(false) });
    },

    /** Messages for what is typed now; `all` also asks for something to be changed at all. */
    check(all: boolean): Errors {
      const errors: Errors = {};
      const { phone, region, address } = this.data;
      if (phone.trim() !== '') {
        const checked = checkMobile(phone);
        if (!checked.ok) errors.phone = checked.message;
      }
      const movingHouse = region.districtId !== '' || address.trim() !== '';
      if (movingHouse) {
        if (region.districtId === '') errors.region = '请选择新住处在哪个区';
        else if (!isRegionComplete(region)) errors.region = '请选择新住处在哪个街道（镇）';
        const checked = checkText(address, '新住处的详细地址', 2, 100);
        if (!checked.ok) errors.address = checked.message;
      }
      if (all && phone.trim() === '' && !movingHouse) errors.nothing = '请填写新的手机号，或选择新的住处';
      return errors;
    },

    async onSubmit(): Promise<void> {
      if (this.data.submitting) return;
      const errors = this.check(true);
      if (Object.keys(errors).length > 0) {
        this.setData({ errors });
        return;
      }
      const input: { phone?: string; residence?: ResidenceInput } = {};
      const phone = checkMobile(this.data.phone);
      if (this.data.phone.trim() !== '' && phone.ok) input.phone = phone.value;
      if (isRegionComplete(this.data.region)) input.residence = toResidenceInput(this.data.region, this.data.address);
      this.setData({ submitting: true, errors: {} });
      try {
        const m = await updateMyContact(input);
        this.setData({ submitting: false, saved: true, record: onRecord(m) });
      } catch (err) {
        this.setData({ submitting: false });
        await this.showSubmitError(err);
      }
    },

    async showSubmitError(err: unknown): Promise<void> {
      const error = toCallError(err);
      const key = error.code === 'INVALID_ARGUMENT' ? errorKeyOf(error.field) : null;
      if (key) {
        this.setData({ [`errors.${key}`]: error.message });
        return;
      }
      if (error.code === 'FAILED_PRECONDITION') {
        await showNotice('现在还不能修改', error.message);
        return;
      }
      await showCallError(error, '没有保存成功');
    },

    onRegister() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },

    onResubmit() {
      wx.navigateTo({ url: '/pages-member/register/index' });
    },
  },
});

/**
 * 发布活动 / 修改活动: the secretary fills in kind, name, time, place (a service station, an address
 * or online), places, who is invited, hours for volunteer service, a vote, and materials. Choices
 * are big chips and WeChat's own date and time pickers; problems show in red under each field.
 * A new form gets one request id, so a double tap or a retry publishes one session.
 */
import { pickedDayText } from '../../utils/shanghai-time';
import type { SessionDetail, SessionKind } from '../../../typings';
import { SESSION_KIND_OPTIONS, VOTING_KINDS } from '../../constants/sessions';
import { isCallError, showCallError, toCallError } from '../../services/cloud';
import {
  canUploadImages,
  fetchSessionDetail,
  fetchStationsFor,
  publishSession,
  updateSession,
  uploadSessionImage,
} from '../../services/sessions';
import { fetchWhoami } from '../../services/user';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import {
  audienceOptions,
  dayOf,
  emptyForm,
  fieldOfServerError,
  formFromDetail,
  newLink,
  newRequestId,
  toSessionInput,
  validateForm,
  type AudienceOption,
  type FieldErrors,
  type PlaceType,
  type PublishForm,
} from './form';

type TextField = 'title' | 'agenda' | 'address' | 'onlineUrl' | 'capacity' | 'serviceHours' | 'materialsText';
type PickField = 'startDate' | 'startTime' | 'endDate' | 'endTime';
type Ev<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.BaseEvent<Record<string, never>, D>;
type InputEv<D extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  { value: string },
  Record<string, never>,
  D
>;

interface StationOption {
  id: string;
  name: string;
  address: string;
}

const KNOWN_KINDS = SESSION_KIND_OPTIONS.map((o) => o.value);
const MAX_LINKS = 10;
const MAX_IMAGES = 9;

Component({
  // The pickers hold 'YYYY-MM-DD'; people read the day as every other page writes it.
  observers: {
    'form.startDate, form.endDate'(start: string, end: string) {
      this.setData({ startDateText: pickedDayText(start), endDateText: pickedDayText(end) });
    },
  },
  data: {
    startDateText: '',
    endDateText: '',
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    mode: 'new' as 'new' | 'edit',
    sessionId: '',
    requestId: '',
    form: emptyForm(new Date()),
    errors: {} as FieldErrors,
    errorSummary: '',
    kinds: SESSION_KIND_OPTIONS,
    audiences: [] as AudienceOption[],
    audienceLabel: '',
    stations: [] as StationOption[],
    stationsLoading: false,
    stationsError: '',
    showVote: false,
    canUpload: canUploadImages(),
    today: dayOf(new Date()),
    saving: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      const sessionId = decodeURIComponent(query.id ?? '');
      this.setData({ mode: sessionId ? 'edit' : 'new', sessionId, requestId: newRequestId() });
      if (sessionId) void wx.setNavigationBarTitle({ title: '修改活动' });
      void this.load(query);
    },

    onRetry() {
      void this.load({});
    },

    async load(query: Record<string, string | undefined>): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        if (this.data.mode === 'edit') {
          const detail: SessionDetail = await fetchSessionDetail(this.data.sessionId);
          const form = formFromDetail(detail);
          const option: AudienceOption = {
            key: form.audienceKey,
            type: detail.audience.type,
            orgId: detail.audience.orgId,
            label:
              detail.audience.type === 'branch' ? `${detail.audienceName}党员` : `${detail.audienceName}全体流动党员`,
          };
          this.setData({ status: 'ready', form, audiences: [option], audienceLabel: option.label });
        } else {
          const audiences = audienceOptions(await fetchWhoami());
          const kind = KNOWN_KINDS.find((k) => k === query.kind) as SessionKind | undefined;
          const preset = audiences.find((a) => a.orgId === decodeURIComponent(query.branchId ?? '')) ?? audiences[0];
          const form = emptyForm(new Date(), { kind, audienceKey: preset?.key });
          this.setData({ status: 'ready', form, audiences, audienceLabel: preset?.label ?? '' });
        }
        this.updateVisibility();
        void this.loadStations();
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    /** Stations beside the chosen audience; a failure leaves the address way open. */
    async loadStations(): Promise<void> {
      const audience = this.chosenAudience();
      if (!audience) return;
      this.setData({ stationsLoading: true, stationsError: '' });
      try {
        const stations = await fetchStationsFor(audience);
        const options = stations.map((s) => ({ id: s.id, name: s.name, address: s.address }));
        const patch: Record<string, unknown> = { stations: options, stationsLoading: false };
        const choosingStation = this.data.form.placeType === 'station' && !this.data.form.stationId;
        if (options.length === 0 && choosingStation) patch['form.placeType'] = 'address';
        // The only station is the one meant: chosen already, still changeable.
        if (options.length === 1 && choosingStation) patch['form.stationId'] = options[0]!.id;
        this.setData(patch);
      } catch (err) {
        this.setData({ stationsLoading: false, stationsError: toCallError(err).message });
      }
    },

    chosenAudience(): AudienceOption | undefined {
      return this.data.audiences.find((a) => a.key === this.data.form.audienceKey);
    },

    /** The vote switch only where a vote is possible (a branch's own meeting of a voting kind). */
    updateVisibility() {
      const { kind, audienceKey } = this.data.form;
      const showVote = !!kind && VOTING_KINDS.includes(kind as SessionKind) && audienceKey.startsWith('branch:');
      const patch: Record<string, unknown> = { showVote };
      if (!showVote && this.data.form.hasVote) patch['form.hasVote'] = false;
      this.setData(patch);
    },

    /** While typing, only clear or update a message already shown. */
    recheck() {
      if (Object.keys(this.data.errors).length === 0) return;
      const errors = validateForm(this.data.form as PublishForm, new Date());
      const shown: FieldErrors = {};
      for (const key of Object.keys(this.data.errors) as (keyof FieldErrors)[]) {
        if (errors[key]) shown[key] = errors[key];
      }
      this.setData({ errors: shown, errorSummary: this.summaryOf(shown) });
    },

    summaryOf(errors: FieldErrors): string {
      const n = Object.keys(errors).length;
      return n > 0 ? `还有 ${n} 处需要填写或修改，已用红字标出` : '';
    },

    onKind(event: Ev<{ kind: SessionKind }>) {
      this.setData({ 'form.kind': event.currentTarget.dataset.kind });
      this.updateVisibility();
      this.recheck();
    },

    onInput(event: InputEv<{ field: TextField }>) {
      this.setData({ [`form.${event.currentTarget.dataset.field}`]: event.detail.value });
      this.recheck();
    },

    onPick(event: WechatMiniprogram.PickerChange<Record<string, never>, { field: PickField }>) {
      const { field } = event.currentTarget.dataset;
      const value = String(event.detail.value);
      const patch: Record<string, string> = { [`form.${field}`]: value };
      // Moving the start day moves the end day with it: most sessions end the day they start.
      if (field === 'startDate' && this.data.form.endDate === this.data.form.startDate) patch['form.endDate'] = value;
      this.setData(patch);
      this.recheck();
    },

    onPlaceType(event: Ev<{ type: PlaceType }>) {
      this.setData({ 'form.placeType': event.currentTarget.dataset.type });
      this.recheck();
    },

    onStation(event: Ev<{ id: string }>) {
      this.setData({ 'form.stationId': event.currentTarget.dataset.id });
      this.recheck();
    },

    onAudience(event: Ev<{ key: string }>) {
      if (this.data.mode === 'edit') return;
      const key = event.currentTarget.dataset.key;
      const option = this.data.audiences.find((a) => a.key === key);
      this.setData({ 'form.audienceKey': key, 'form.stationId': '', audienceLabel: option?.label ?? '', stations: [] });
      this.updateVisibility();
      this.recheck();
      void this.loadStations();
    },

    onToggleVote() {
      this.setData({ 'form.hasVote': !this.data.form.hasVote });
      this.recheck();
    },

    onAddLink() {
      if (this.data.form.links.length >= MAX_LINKS) return;
      this.setData({ 'form.links': [...this.data.form.links, newLink()] });
    },

    onRemoveLink(event: Ev<{ index: number }>) {
      const links = this.data.form.links.filter((_l, i) => i !== event.currentTarget.dataset.index);
      this.setData({ 'form.links': links });
      this.recheck();
    },

    onLinkInput(event: InputEv<{ index: number; part: 'title' | 'url' }>) {
      const { index, part } = event.currentTarget.dataset;
      this.setData({ [`form.links[${index}].${part}`]: event.detail.value });
      this.recheck();
    },

    onAddImage() {
      const room = MAX_IMAGES - this.data.form.images.length;
      if (room <= 0 || !this.data.canUpload) return;
      wx.chooseMedia({
        count: room,
        mediaType: ['image'],
        sizeType: ['compressed'],
        success: (res) => {
          void (async () => {
            try {
              const ids: string[] = [];
              for (const file of res.tempFiles) ids.push(await uploadSessionImage(file.tempFilePath));
              this.setData({ 'form.images': [...this.data.form.images, ...ids] });
            } catch (err) {
              await showCallError(err, '图片没有传上去');
            }
          })();
        },
      });
    },

    onRemoveImage(event: Ev<{ index: number }>) {
      this.setData({ 'form.images': this.data.form.images.filter((_x, i) => i !== event.currentTarget.dataset.index) });
    },

    async onSubmit(): Promise<void> {
      if (this.data.saving) return;
      const form = this.data.form as PublishForm;
      const errors = validateForm(form, new Date());
      const audience = this.chosenAudience();
      if (Object.keys(errors).length > 0 || !audience) {
        if (!audience) errors.audience = errors.audience ?? '请选择参加对象';
        this.setData({ errors, errorSummary: this.summaryOf(errors) });
        const first = Object.keys(errors)[0];
        if (first) void wx.pageScrollTo({ selector: `#field-${first}`, offsetTop: -16, duration: 300 });
        return;
      }
      this.setData({ saving: true });
      try {
        const input = toSessionInput(form, audience);
        if (this.data.mode === 'edit') {
          await updateSession(this.data.sessionId, input);
          void wx.navigateBack();
        } else {
          const session = await publishSession(input, this.data.requestId);
          void wx.redirectTo({ url: `/pages-sessions/manage/index?id=${encodeURIComponent(session.sessionId)}` });
        }
      } catch (err) {
        const key = isCallError(err) ? fieldOfServerError(err.field) : null;
        if (key) {
          const shown = { ...this.data.errors, [key]: toCallError(err).message };
          this.setData({ errors: shown, errorSummary: this.summaryOf(shown) });
        }
        await showCallError(err, this.data.mode === 'edit' ? '没有改成' : '没有发布成功');
      } finally {
        this.setData({ saving: false });
      }
    },
  },
});

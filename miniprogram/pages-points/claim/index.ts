/**
 * 申报积分: the member picks an item they may claim, the day, the hours for hourly items, writes
 * what happened and adds photos (uploaded at once into their own evidence folder), then sends it
 * to the secretary of their branch. On success they land on 我的申报.
 */
import type { PointsRuleView } from '../../../typings/areas/points';
import { MAX_HOURS, MAX_PHOTOS } from '../../constants/points';
import { showCallError, toCallError } from '../../services/cloud';
import { fetchPointsRules, fetchPointsSummary, submitPointsClaim, uploadEvidencePhoto } from '../../services/points';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { earliestClaimDay, formatDay, pointsPerUnit, todayInBeijing } from '../common/format';
import { firstProblem, toDraft, type ClaimField, type ClaimForm } from './form';

interface RuleOption {
  value: string;
  label: string;
}

interface PhotoView {
  fileID: string;
  localPath: string;
}

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    memberId: '',
    rules: [] as PointsRuleView[],
    options: [] as RuleOption[],
    form: { ruleCode: '', occurredOn: '', hours: 1, description: '', photos: [] } as ClaimForm,
    photoViews: [] as PhotoView[],
    hourly: false,
    evidenceRequired: false,
    ruleDescription: '',
    dayLabel: '',
    earliest: '',
    latest: '',
    maxHours: MAX_HOURS,
    maxPhotos: MAX_PHOTOS,
    uploading: false,
    submitting: false,
    problemField: '' as ClaimField | '',
    problem: '',
  },

  methods: {
    onLoad() {
      const today = todayInBeijing();
      this.setData({
        'form.occurredOn': today,
        dayLabel: formatDay(today),
        earliest: earliestClaimDay(),
        latest: today,
      });
      void this.load();
    },

    onRetry() {
      void this.load();
    },

    /** The items the member may claim, and their member id (the folder photos go to). Never throws. */
    async load(): Promise<void> {
      this.setData({ status: 'loading' });
      try {
        const [rules, summary] = await Promise.all([fetchPointsRules(true), fetchPointsSummary()]);
        this.setData({
          status: 'ready',
          memberId: summary.memberId,
          rules,
          options: rules.map((r) => ({ value: r.code, label: `${r.name}（${pointsPerUnit(r)}）` })),
        });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    selectedRule(): PointsRuleView | undefined {
      return this.data.rules.find((r) => r.code === this.data.form.ruleCode);
    },

    onRuleChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const code = String(event.detail.value);
      const rule = this.data.rules.find((r) => r.code === code);
      this.setData({
        'form.ruleCode': code,
        hourly: rule?.unit === 'hour',
        evidenceRequired: rule?.evidenceRequired ?? false,
        ruleDescription: rule?.description ?? '',
        problem: '',
        problemField: '',
      });
    },

    onDateChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const day = String(event.detail.value);
      this.setData({ 'form.occurredOn': day, dayLabel: formatDay(day) });
    },

    onHoursMinus() {
      if (this.data.form.hours > 1) this.setData({ 'form.hours': this.data.form.hours - 1 });
    },

    onHoursPlus() {
      if (this.data.form.hours < MAX_HOURS) this.setData({ 'form.hours': this.data.form.hours + 1 });
    },

    onDescriptionChange(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'form.description': event.detail.value });
    },

    /** Choose photos (album or camera) and upload them one by one; each shows once it is stored. */
    onAddPhotos() {
      const room = MAX_PHOTOS - this.data.form.photos.length;
      if (room <= 0 || this.data.uploading) return;
      wx.chooseMedia({
        count: room,
        mediaType: ['image'],
        sourceType: ['album', 'camera'],
        sizeType: ['compressed'],
        success: (res) => void this.uploadAll(res.tempFiles.map((f) => f.tempFilePath)),
      });
    },

    async uploadAll(paths: string[]): Promise<void> {
      this.setData({ uploading: true });
      try {
        for (const localPath of paths) {
          const fileID = await uploadEvidencePhoto(this.data.memberId, localPath);
          this.setData({
            photoViews: [...this.data.photoViews, { fileID, localPath }],
            'form.photos': [...this.data.form.photos, fileID],
            problem: '',
            problemField: '',
          });
        }
      } catch (err) {
        await showCallError(err, '照片没有传上去');
      } finally {
        this.setData({ uploading: false });
      }
    },

    onRemovePhoto(
      event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const index = Number(event.currentTarget.dataset.index);
      const photoViews = this.data.photoViews.filter((_, i) => i !== index);
      this.setData({ photoViews, 'form.photos': photoViews.map((p) => p.fileID) });
    },

    onPreviewPhoto(
      event: WechatMiniprogram.CustomEvent<Record<string, never>, Record<string, never>, { index: number }>,
    ) {
      const urls = this.data.photoViews.map((p) => p.localPath);
      void wx.previewImage({ urls, current: urls[Number(event.currentTarget.dataset.index)] });
    },

    /** Check, send, and on success go to 我的申报. Problems show above the button and in a dialog. */
    async onSubmit(): Promise<void> {
      if (this.data.submitting || this.data.uploading) return;
      const rule = this.selectedRule();
      const problem = firstProblem(this.data.form, rule);
      if (problem) {
        this.setData({ problem: problem.message, problemField: problem.field });
        return;
      }
      this.setData({ submitting: true, problem: '', problemField: '' });
      try {
        await submitPointsClaim(toDraft(this.data.form, rule!));
        wx.showToast({ title: '已提交，等待审核', icon: 'success', duration: 2000 });
        void wx.redirectTo({ url: '/pages-points/claims/index' });
      } catch (err) {
        const error = toCallError(err);
        this.setData({ problem: error.message, problemField: (error.field?.split('.')[0] ?? '') as ClaimField | '' });
        await showCallError(error, '没有提交成功');
      } finally {
        this.setData({ submitting: false });
      }
    },
  },
});

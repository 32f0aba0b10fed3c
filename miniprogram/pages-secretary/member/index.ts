/**
 * 党员信息: one registration or member, every field in plain Chinese with 身份证号 and phone masked.
 * A registration waiting for review shows the suggested branches (划转到此支部) and 退回修改; an
 * assigned member shows 状态变更 and 结对联系. 查看完整信息 asks why, then shows the full values
 * once (the server records each look). Every reason is asked in a panel on the page, with common
 * reasons ready to tap.
 */
import type { MemberDetail, MemberState } from '../../../typings';
import {
  MANAGER_STATE_LABELS,
  MAX_REASON_LENGTH,
  MIN_REASON_LENGTH,
  REVEAL_REASONS,
  SEND_BACK_REASONS,
  STATE_CHANGE_OPTIONS,
  type StateChangeOption,
} from '../../constants/secretary';
import { showCallError, toCallError } from '../../services/cloud';
import {
  assignMember,
  changeMemberState,
  fetchMemberDetail,
  fetchSuggestions,
  referRegistration,
  revealMemberIdentity,
  sendBackRegistration,
  type StateChangeTarget,
} from '../../services/secretary';
import { isRetryable, type LoadStatus } from '../../utils/view-state';
import { rememberedBranch } from '../common/branch-choice';
import { confirmAction } from '../../utils/dialogs';
import { askNote } from '../common/confirm';
import {
  fieldGroups,
  historyLines,
  identityFields,
  isUnassigned,
  keyFacts,
  sentBackReason,
  stateOptions,
  toSuggestionView,
  withRecommendation,
  type Field,
  type FieldGroup,
  type HistoryLine,
  type SuggestionView,
} from './view';
import { setNavTitle } from '../../utils/nav-title';

/** Which question the panel at the bottom is asking, if any. */
type Panel = '' | 'reveal' | 'sendBack' | 'state';

const PANEL_TEXT: Record<Exclude<Panel, ''>, { title: string; hint: string; placeholder: string; confirm: string }> = {
  reveal: {
    title: '查看完整信息',
    hint: '完整的身份证号和手机号只在确有需要时查看。请写明原因，每次查看都会记录。',
    placeholder: '例如：打电话联系本人',
    confirm: '查看',
  },
  sendBack: {
    title: '退回修改',
    hint: '请写明要本人改什么，本人会在小程序里看到这条原因，改好后重新提交。',
    placeholder: '例如：居住地址不够详细，请写到门牌号',
    confirm: '确认退回',
  },
  state: {
    title: '状态变更',
    hint: '请选择新的状态，并写明原因。',
    placeholder: '例如：已回老家务农',
    confirm: '确认变更',
  },
};

type TagTheme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

/** Colour of the state tag: orange waits for someone, green is in order, grey has left. */
const STATE_THEMES: Record<MemberState, TagTheme> = {
  pending: 'warning',
  sent_back: 'warning',
  active: 'success',
  transferred: 'default',
  returned_home: 'default',
  lost_contact: 'danger',
};

interface SuggestionDataset {
  branchId: string;
  branchName: string;
  canAssign: boolean;
}

type TextEvent = WechatMiniprogram.CustomEvent<{ value: string }>;
type DataEvent<T extends WechatMiniprogram.IAnyObject> = WechatMiniprogram.CustomEvent<
  Record<string, never>,
  Record<string, never>,
  T
>;

Component({
  data: {
    status: 'loading' as LoadStatus,
    errorMessage: '',
    retryable: true,
    memberId: '',
    name: '',
    state: 'pending' as MemberState,
    stateLabel: '',
    stateTheme: 'default' as TagTheme,
    branchId: '',
    unassigned: false,
    canSendBack: false,
    sentBackReason: '',
    identity: [] as Field[],
    groups: [] as FieldGroup[],
    /** Beside the choice of branch: where they live and what they do. */
    keyFacts: '',
    history: [] as HistoryLine[],
    revealed: null as { idCardNumber: string; phone: string } | null,
    suggestionsStatus: 'loading' as LoadStatus,
    suggestionsError: '',
    suggestions: [] as SuggestionView[],
    stateOptions: [] as StateChangeOption[],
    panel: '' as Panel,
    panelTitle: '',
    panelHint: '',
    panelPlaceholder: '',
    panelConfirm: '',
    quickReasons: [] as readonly string[],
    reason: '',
    reasonError: '',
    stateTo: '' as StateChangeTarget | '',
    stateEffect: '',
    busy: false,
    loaded: false,
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ memberId: query.id ? decodeURIComponent(query.id) : '' });
      void this.load();
    },

    /** Back from choosing a pairing contact: show the new contact. */
    onShow() {
      if (this.data.loaded && !this.data.busy) void this.load(true);
    },

    onRetry() {
      void this.load();
    },

    /** The member, then (for a registration) the suggested branches; never throws. */
    async load(quiet = false): Promise<void> {
      if (!quiet) this.setData({ status: 'loading' });
      try {
        const detail = await fetchMemberDetail(this.data.memberId);
        this.show(detail);
        this.setData({ status: 'ready', loaded: true });
        if (isUnassigned(detail.state)) await this.loadSuggestions();
      } catch (err) {
        if (quiet) return;
        const error = toCallError(err);
        this.setData({ status: 'error', errorMessage: error.message, retryable: isRetryable(error.code) });
      }
    },

    show(detail: MemberDetail) {
      setNavTitle(detail.name, '党员信息');
      this.setData({
        name: detail.name,
        state: detail.state,
        stateLabel: MANAGER_STATE_LABELS[detail.state] ?? '',
        stateTheme: STATE_THEMES[detail.state],
        branchId: detail.branchId ?? '',
        unassigned: isUnassigned(detail.state),
        canSendBack: detail.state === 'pending',
        sentBackReason: sentBackReason(detail),
        identity: identityFields(detail),
        groups: fieldGroups(detail),
        keyFacts: isUnassigned(detail.state) ? keyFacts(detail) : '',
        history: historyLines(detail),
        stateOptions: stateOptions(detail.state),
      });
    },

    async loadSuggestions(): Promise<void> {
      this.setData({ suggestionsStatus: 'loading' });
      try {
        const suggestions = (await fetchSuggestions(this.data.memberId)).map(toSuggestionView);
        // The desk's own branch is always offered, so a secretary is never left without a choice.
        const own = rememberedBranch();
        if (own && !suggestions.some((s) => s.branchId === own.id)) {
          suggestions.push({
            branchId: own.id,
            branchName: own.name,
            kindLabel: '我的支部',
            reason: '您正在管理的支部',
            matchesWish: false,
            canAssign: true,
            recommended: false,
          });
        }
        this.setData({ suggestionsStatus: 'ready', suggestions: withRecommendation(suggestions) });
      } catch (err) {
        this.setData({ suggestionsStatus: 'error', suggestionsError: toCallError(err).message });
      }
    },

    onRetrySuggestions() {
      void this.loadSuggestions();
    },

    async onAssign(event: DataEvent<SuggestionDataset>) {
      const { branchId, branchName, canAssign } = event.currentTarget.dataset;
      if (this.data.busy) return;
      if (!canAssign) return this.refer(branchId, branchName);
      const ok = await confirmAction(
        '划转到此支部',
        `确定把 ${this.data.name} 划转到“${branchName}”吗？划转后会给本人发电子活动证。`,
        '确定划转',
      );
      if (!ok) return;
      await this.run(async () => {
        const detail = await assignMember(this.data.memberId, branchId);
        this.show(detail);
        this.setData({ suggestions: [] });
        void wx.showToast({ title: '已划转', icon: 'success' });
      });
    },

    /** 转给该支部: a branch outside the caller's scope gets the registration in its queue, with a note. */
    async refer(branchId: string, branchName: string) {
      const note = await askNote('转给该支部', `给“${branchName}”的说明（可不填）`, '确定转交');
      if (note === null) return;
      await this.run(async () => {
        const detail = await referRegistration(this.data.memberId, branchId, note);
        this.show(detail);
        void wx.showToast({ title: '已转交', icon: 'success' });
      });
    },

    onOpenReveal() {
      this.openPanel('reveal', REVEAL_REASONS);
    },

    onOpenSendBack() {
      this.openPanel('sendBack', SEND_BACK_REASONS);
    },

    onOpenStateChange() {
      this.openPanel('state', []);
    },

    onOpenPair() {
      const { branchId, memberId, name } = this.data;
      void wx.navigateTo({
        url:
          `/pages-secretary/members/index?branchId=${encodeURIComponent(branchId)}` +
          `&pickFor=${encodeURIComponent(memberId)}&pickName=${encodeURIComponent(name)}`,
      });
    },

    openPanel(panel: Exclude<Panel, ''>, quickReasons: readonly string[]) {
      const text = PANEL_TEXT[panel];
      this.setData({
        panel,
        panelTitle: text.title,
        panelHint: text.hint,
        panelPlaceholder: text.placeholder,
        panelConfirm: text.confirm,
        quickReasons,
        reason: '',
        reasonError: '',
        stateTo: '',
        stateEffect: '',
      });
      void wx.pageScrollTo({ selector: '#panel', duration: 200 });
    },

    onClosePanel() {
      this.setData({ panel: '', reason: '', reasonError: '' });
    },

    onReasonInput(event: TextEvent) {
      this.setData({ reason: event.detail.value, reasonError: '' });
    },

    onQuickReason(event: DataEvent<{ reason: string }>) {
      this.setData({ reason: event.currentTarget.dataset.reason, reasonError: '' });
    },

    onPickState(event: DataEvent<{ to: StateChangeTarget }>) {
      const option = STATE_CHANGE_OPTIONS.find((o) => o.to === event.currentTarget.dataset.to);
      if (option) this.setData({ stateTo: option.to, stateEffect: option.effect, reasonError: '' });
    },

    /** Checks the panel's answer, confirms where the step is serious, then sends it. */
    async onPanelConfirm() {
      const { panel, stateTo, busy } = this.data;
      const reason = this.data.reason.trim();
      if (busy || !panel) return;
      if (panel === 'state' && !stateTo) {
        this.setData({ reasonError: '请先选择新的状态' });
        return;
      }
      if (reason.length < MIN_REASON_LENGTH) {
        this.setData({ reasonError: `请写明原因，至少 ${MIN_REASON_LENGTH} 个字` });
        return;
      }
      if (reason.length > MAX_REASON_LENGTH) {
        this.setData({ reasonError: `原因太长了，请不超过 ${MAX_REASON_LENGTH} 个字` });
        return;
      }
      if (panel === 'reveal') {
        await this.run(async () => {
          const revealed = await revealMemberIdentity(this.data.memberId, reason);
          this.setData({ revealed, panel: '' });
        });
      } else if (panel === 'sendBack') {
        await this.run(async () => {
          const detail = await sendBackRegistration(this.data.memberId, reason);
          this.show(detail);
          this.setData({ panel: '' });
          void wx.showToast({ title: '已退回', icon: 'success' });
        });
      } else if (stateTo) {
        const option = STATE_CHANGE_OPTIONS.find((o) => o.to === stateTo)!;
        const ok = await confirmAction(
          '状态变更',
          `确定把 ${this.data.name} 改为“${option.action}”吗？${option.effect}`,
          '确定变更',
        );
        if (!ok) return;
        await this.run(async () => {
          const detail = await changeMemberState(this.data.memberId, stateTo, reason);
          this.show(detail);
          this.setData({ panel: '' });
          void wx.showToast({ title: '已变更', icon: 'success' });
        });
      }
    },

    /** Runs one action with the buttons held, telling the person in a dialog if it fails. */
    async run(action: () => Promise<void>): Promise<void> {
      this.setData({ busy: true });
      try {
        await action();
      } catch (err) {
        await showCallError(err);
      } finally {
        this.setData({ busy: false });
      }
    },
  },
});

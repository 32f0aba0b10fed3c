/**
 * Every picture the preview takes. Add a scene by adding an entry: the page, who is looking,
 * and where its data comes from (the local host by default; `replies` for states the demo data
 * does not have, such as loading, empty or a failure).
 */
import { VISITOR, type Scene } from './scene';

const UNAVAILABLE = { reply: { ok: false, error: { code: 'UNAVAILABLE', message: '网络不太稳定，请稍后重试' } } };

/** A scene of `page` in its main state as `as`; `more` adds a query, replies or actions. */
function main(id: string, page: string, state: string, as: string, more: Partial<Scene> = {}): Scene {
  return { id, page, state, as, ...more };
}

/** A 报到 left half done the evening before (the preview's clock is 2026-12-04 10:00). */
const REGISTER_DRAFT = (step: number) => ({
  step,
  savedAt: Date.parse('2026-12-03T20:30:00+08:00'),
  form: {
    name: '张小兵',
    idCardNumber: '350206198503124511',
    birthDate: '1985-03-12',
    gender: 'male',
    ethnicity: '汉族',
    phone: '13812345678',
    joinedPartyOn: '2010-07-01',
    partyStatus: 'full',
    holdsPaperCertificate: false,
    homeOrgName: step > 2 ? '中共段集镇委员会' : '',
    homeProvince: step > 2 ? '河南省' : '',
    homeCounty: step > 2 ? '固始县' : '',
    homeContactName: '',
    homeContactPhone: '',
    leftHomeOn: step > 2 ? '2019-03' : '',
    leftHomeReason: step > 2 ? '来厦门跑快递' : '',
    districtId: step > 2 ? 'xm-siming' : '',
    streetId: step > 2 ? 'xm-siming-zhonghua' : '',
    communityId: '',
    address: step > 2 ? '大同路 100 号' : '',
    industry: '',
    employer: '',
    job: '',
    wish: '',
    consent: false,
  },
});

const MEMBER = 'demo-member';
const SECRETARY = 'demo-secretary';
const ADMIN = 'demo-admin';
const SUPER = 'demo-super';

export const SCENES: Scene[] = [
  // 首页、学习、我的 (tab pages)
  main('home-member', 'pages/home/index', '党员的首页：要办的事、常用、我的报到', MEMBER),
  main('home-secretary', 'pages/home/index', '支部书记的首页：待审核报到、未定基数', SECRETARY),
  main('home-admin', 'pages/home/index', '管理员的首页：不催报到', ADMIN),
  main('home-super', 'pages/home/index', '超级管理员的首页', SUPER),
  main('home-visitor', 'pages/home/index', '未报到的访客：只有去报到', VISITOR, { mainAction: '去报到' }),
  main('home-sent-back', 'pages/home/index', '报到被退回：待办在最前', 'preview-sent-back'),
  main('todos-secretary', 'pages-member/todos/index', '要办的事：按谁的事分组', SECRETARY),
  main('todos-empty', 'pages-member/todos/index', '要办的事：没有', VISITOR),
  main('home-todos-error', 'pages/home/index', '待办没查到', MEMBER, { replies: { 'user.todos': UNAVAILABLE } }),
  main('home-loading', 'pages/home/index', '加载中', MEMBER, { replies: { 'user.whoami': { hold: true } } }),
  main('home-error', 'pages/home/index', '加载失败', MEMBER, { replies: { 'user.whoami': UNAVAILABLE } }),
  main('sessions-member', 'pages/sessions/index', '党员的学习活动', MEMBER),
  main('sessions-visitor', 'pages/sessions/index', '未报到的人看学习：去报到', VISITOR, { mainAction: '去报到' }),
  main('me-member', 'pages/me/index', '党员的我的', MEMBER),
  main('me-admin', 'pages/me/index', '管理员的我的', ADMIN),
  main('me-visitor', 'pages/me/index', '未报到的人的我的', VISITOR),

  // 报到与党员自己的页面
  main('register-empty', 'pages-member/register/index', '报到第 1 步：空白', VISITOR, { mainAction: '下一步' }),
  main('register-typed', 'pages-member/register/index', '报到第 1 步：身份证号分组显示', VISITOR, {
    actions: [
      { type: '张小兵', into: '#input-name' },
      { type: '350206198503124511', into: '#input-idCardNumber' },
    ],
  }),
  main('register-step-2', 'pages-member/register/index', '报到第 2 步：恢复的草稿', VISITOR, {
    storage: { registerDraft: REGISTER_DRAFT(2) },
    mainAction: '下一步',
  }),
  main('register-step-3', 'pages-member/register/index', '报到第 3 步：提交', VISITOR, {
    storage: { registerDraft: REGISTER_DRAFT(3) },
    mainAction: '提交报到',
  }),
  main('register-sent-back', 'pages-member/register/index', '报到被退回后', 'preview-sent-back'),
  main('certificate-member', 'pages-member/certificate/index', '电子活动证：二维码在第一屏', MEMBER),
  main('my-branch-member', 'pages-member/my-branch/index', '我的支部', MEMBER),
  main('contact-edit-member', 'pages-member/contact-edit/index', '修改手机号和住址', MEMBER),

  // 学习活动
  main('session-detail-member', 'pages-sessions/detail/index', '活动详情（党员）', MEMBER, {
    query: { id: '{sessionId}' },
  }),
  main('my-attendance-member', 'pages-sessions/my-attendance/index', '我的出勤', MEMBER),
  main('publish-secretary', 'pages-sessions/publish/index', '发布活动', SECRETARY),
  main('manage-list-secretary', 'pages-sessions/manage-list/index', '书记的活动列表', SECRETARY),
  main('manage-secretary', 'pages-sessions/manage/index', '签到管理', SECRETARY, { query: { id: '{sessionId}' } }),
  main('roster-secretary', 'pages-sessions/roster/index', '考勤名单：每行有补登、请假按钮', SECRETARY, {
    query: { id: '{sessionId}' },
  }),
  main('cadence-secretary', 'pages-sessions/cadence/index', '三会一课提醒', SECRETARY, {
    query: { branchId: '{branchId}' },
  }),
  main('session-stats-admin', 'pages-sessions/stats/index', '组织生活统计', ADMIN, {
    query: { orgId: '{districtId}' },
  }),

  // 书记工作台
  main('secretary-desk', 'pages-secretary/index/index', '书记工作台', SECRETARY),
  main('pending-secretary', 'pages-secretary/pending/index', '待审核的报到：已等几天', SECRETARY),
  main('pending-sent-back', 'pages-secretary/pending/index', '已退回、待本人修改的报到', SECRETARY, {
    query: { tab: 'sent_back' },
  }),
  main('member-pending', 'pages-secretary/member/index', '审核一份报到：划转在第一屏', SECRETARY, {
    query: { id: '{pendingId}' },
    mainAction: '划转到此支部',
  }),
  main('member-active', 'pages-secretary/member/index', '支部党员详情', SECRETARY, { query: { id: '{memberId}' } }),
  main('members-secretary', 'pages-secretary/members/index', '支部党员名单', SECRETARY, {
    query: { branchId: '{branchId}', branchName: '思明区流动党员党支部' },
  }),
  main('verify-secretary', 'pages-secretary/verify/index', '核验活动证', SECRETARY),
  main('branch-secretary', 'pages-secretary/branch/index', '选择支部', SECRETARY),

  // 党费
  main('dues-mine-member', 'pages-dues/mine/index', '我的党费：交纳党费在第一屏', MEMBER, { mainAction: '交纳党费' }),
  main('dues-pay-member', 'pages-dues/pay/index', '交纳党费：合计与微信支付固定在底部', MEMBER, {
    mainAction: '微信支付',
  }),
  main('dues-receipts-member', 'pages-dues/receipts/index', '交费记录', MEMBER),
  main('dues-declare-member', 'pages-dues/declare/index', '申报党费基数', MEMBER),
  main('dues-bases-secretary', 'pages-dues/bases/index', '确认党费基数', SECRETARY),
  main('dues-board-secretary', 'pages-dues/board/index', '支部党费：未确认基数的党员', SECRETARY),
  main('dues-offline-secretary', 'pages-dues/offline/index', '登记线下收款', SECRETARY, {
    query: { memberId: '{memberId}' },
  }),
  main('dues-offline-no-base', 'pages-dues/offline/index', '登记线下收款：还没有确认基数的党员', SECRETARY, {
    query: { memberId: '{newMemberId}' },
  }),

  // 积分
  main('points-my-member', 'pages-points/my/index', '我的积分', MEMBER),
  main('points-rules-member', 'pages-points/rules/index', '积分清单', MEMBER),
  main('points-claim-member', 'pages-points/claim/index', '申报积分', MEMBER),
  main('points-claims-member', 'pages-points/claims/index', '我的申报', MEMBER),
  main('points-review-secretary', 'pages-points/review/index', '审核积分申报', SECRETARY),
  main('points-ranking-secretary', 'pages-points/ranking/index', '积分排名（从书记工作台进入）', SECRETARY),

  // 组织管理与组织部工作台
  main('admin-tree', 'pages-admin/index/index', '组织管理', ADMIN),
  main('admin-node', 'pages-admin/node/index', '组织详情', ADMIN, { query: { id: '{districtId}' } }),
  main('admin-add', 'pages-admin/add/index', '新增下级组织', ADMIN, {
    query: { parentId: '{districtId}', parentName: '思明区', parentType: 'district' },
  }),
  main('admin-roles', 'pages-admin/roles/index', '人员与权限：区的管理员', ADMIN, {
    query: { scopeId: '{districtId}', scopeName: '思明区', scopeType: 'district' },
  }),
  main('admin-roles-branch', 'pages-admin/roles/index', '人员与权限：邀请书记，发给对方', ADMIN, {
    query: { scopeId: '{branchId}', scopeName: '思明区流动党员党支部', scopeType: 'mobile_branch' },
    mainAction: '生成邀请',
  }),
  main('accept-invitation', 'pages-admin/accept/index', '接受邀请：点开卡片的人', 'preview-invitee', {
    query: { code: '{inviteCode}' },
    mainAction: '接受邀请',
  }),
  main('accept-entry', 'pages-admin/accept/index', '接受邀请：从“我的”进入', MEMBER, { mainAction: '扫码接受邀请' }),
  main('admin-import', 'pages-admin/import/index', '导入摸排名单', ADMIN, {
    query: { scopeId: '{districtId}', scopeName: '思明区' },
  }),
  main('desk-admin', 'pages-admin/desk/index', '组织部工作台', ADMIN),
  main('desk-city', 'pages-admin/desk/index', '全市工作台', SUPER),
  // Opened from the desk, which passes the node it shows.
  main('ranking-admin', 'pages-admin/ranking/index', '晾晒排名：思明区各街道', ADMIN, {
    query: { nodeId: '{districtId}', name: '思明区' },
  }),
  main('reports-admin', 'pages-admin/reports/index', '报表', ADMIN, {
    query: { nodeId: '{districtId}', name: '思明区' },
  }),
  main('drilldown-admin', 'pages-admin/drilldown/index', '需要关注：欠交3个月以上', ADMIN, {
    query: { list: 'arrears3', nodeId: '{districtId}', name: '思明区' },
  }),
];

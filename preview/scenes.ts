/**
 * Every picture the preview takes. Add a scene by adding an entry: the page, who is looking,
 * and where its data comes from (the local host by default; `replies` for states the demo data
 * does not have, such as loading, empty or a failure).
 */
import { VISITOR, type Scene } from './scene';

const UNAVAILABLE = { reply: { ok: false, error: { code: 'UNAVAILABLE', message: '网络不太稳定，请稍后重试' } } };

export const SCENES: Scene[] = [
  { id: 'home-member', page: 'pages/home/index', state: '党员的首页', as: 'demo-member' },
  { id: 'home-secretary', page: 'pages/home/index', state: '支部书记的首页', as: 'demo-secretary' },
  { id: 'home-admin', page: 'pages/home/index', state: '管理员的首页', as: 'demo-admin' },
  { id: 'home-visitor', page: 'pages/home/index', state: '未报到的访客', as: VISITOR },
  {
    id: 'home-loading',
    page: 'pages/home/index',
    state: '加载中',
    as: 'demo-member',
    replies: { 'user.whoami': { hold: true } },
  },
  {
    id: 'home-error',
    page: 'pages/home/index',
    state: '加载失败',
    as: 'demo-member',
    replies: { 'user.whoami': UNAVAILABLE },
  },
  {
    id: 'register-typed',
    page: 'pages-member/register/index',
    state: '报到：输入了姓名',
    as: VISITOR,
    actions: [{ type: '张小兵', into: '#input-name' }],
  },
  { id: 'me-member', page: 'pages/me/index', state: '党员的我的', as: 'demo-member' },
  { id: 'sessions-member', page: 'pages/sessions/index', state: '党员的活动列表', as: 'demo-member' },
];

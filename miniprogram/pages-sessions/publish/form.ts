/**
 * The publish form as plain data: defaults, checks for the secretary's convenience (the server
 * checks everything again), and the contract's input. Times are Beijing time.
 */
import type { AudienceType, CallerProfile, SessionDetail, SessionInput, SessionKind } from '../../../typings';
import { VOTING_KINDS } from '../../constants/sessions';
import { clockText, shanghaiDay, shanghaiParts } from '../../utils/shanghai-time';

export type PlaceType = 'station' | 'address' | 'online';

export interface LinkField {
  /** For the list's wx:key only; never sent. */
  key: string;
  title: string;
  url: string;
}

let linkSerial = 0;

/** An empty link row with its own key. */
export function newLink(title = '', url = ''): LinkField {
  linkSerial += 1;
  return { key: `l${linkSerial}`, title, url };
}

export interface PublishForm {
  kind: SessionKind | '';
  title: string;
  agenda: string;
  /** YYYY-MM-DD and HH:mm, Beijing time. */
  startDate: string;
  startTime: string;
  endDate: string;
  endTime: string;
  placeType: PlaceType;
  stationId: string;
  address: string;
  onlineUrl: string;
  /** Empty for no limit. */
  capacity: string;
  /** `${type}:${orgId}` of the chosen audience. */
  audienceKey: string;
  serviceHours: string;
  hasVote: boolean;
  materialsText: string;
  links: LinkField[];
  images: string[];
}

export type FieldKey =
  | 'kind'
  | 'title'
  | 'start'
  | 'end'
  | 'place'
  | 'onlineUrl'
  | 'capacity'
  | 'audience'
  | 'serviceHours'
  | 'vote'
  | 'links';
export type FieldErrors = Partial<Record<FieldKey, string>>;

/** An audience the caller may choose: their branch, or everyone under a node they administer. */
export interface AudienceOption {
  key: string;
  type: AudienceType;
  orgId: string;
  label: string;
}

export const audienceKeyOf = (type: AudienceType, orgId: string) => `${type}:${orgId}`;

/** YYYY-MM-DD of an instant in Beijing time. */
export const dayOf = (at: Date): string => shanghaiDay(at);

const timeOf = (at: Date): string => clockText(shanghaiParts(at));

/** '2026-03-05' + '19:30' → '2026-03-05T19:30:00+08:00'. */
export function isoOf(date: string, time: string): string {
  return `${date}T${time}:00+08:00`;
}

/** Tomorrow 09:00–11:00 by default; a kind and an audience may be preset (from the cadence to-do). */
export function emptyForm(now: Date, preset: { kind?: SessionKind; audienceKey?: string } = {}): PublishForm {
  const tomorrow = dayOf(new Date(now.getTime() + 24 * 3600 * 1000));
  return {
    kind: preset.kind ?? '',
    title: '',
    agenda: '',
    startDate: tomorrow,
    startTime: '09:00',
    endDate: tomorrow,
    endTime: '11:00',
    placeType: 'station',
    stationId: '',
    address: '',
    onlineUrl: '',
    capacity: '',
    audienceKey: preset.audienceKey ?? '',
    serviceHours: '',
    hasVote: false,
    materialsText: '',
    links: [],
    images: [],
  };
}

/** The form filled from a session being edited. */
export function formFromDetail(d: SessionDetail): PublishForm {
  const start = new Date(d.startAt);
  const end = new Date(d.endAt);
  const placeType: PlaceType = d.place ? (d.place.type === 'station' ? 'station' : 'address') : 'online';
  return {
    kind: d.kind,
    title: d.title,
    agenda: d.agenda,
    startDate: dayOf(start),
    startTime: timeOf(start),
    endDate: dayOf(end),
    endTime: timeOf(end),
    placeType,
    stationId: d.place?.stationId ?? '',
    address: d.place?.type === 'address' ? d.place.address : '',
    onlineUrl: d.onlineUrl ?? '',
    capacity: d.capacity === null ? '' : String(d.capacity),
    audienceKey: audienceKeyOf(d.audience.type, d.audience.orgId),
    serviceHours: d.serviceHours === null ? '' : String(d.serviceHours),
    hasVote: d.hasVote,
    materialsText: d.materials.text,
    links: d.materials.links.map((l) => newLink(l.title, l.url)),
    images: [...d.materials.images],
  };
}

const HTTPS = /^https:\/\/\S+$/;
const WHOLE = /^\d+$/;

/** Every problem, in plain words, keyed by field; empty when the form can be sent. */
export function validateForm(form: PublishForm, now: Date): FieldErrors {
  const errors: FieldErrors = {};
  if (!form.kind) errors.kind = '请选择活动类型';
  const title = form.title.trim();
  if (title.length < 2) errors.title = '请填写活动名称（至少两个字）';
  else if (title.length > 60) errors.title = '活动名称最多 60 个字';
  if (!form.startDate || !form.startTime) errors.start = '请选择开始的日期和时间';
  if (!form.endDate || !form.endTime) errors.end = '请选择结束的日期和时间';
  if (!errors.start && !errors.end) {
    const start = Date.parse(isoOf(form.startDate, form.startTime));
    const end = Date.parse(isoOf(form.endDate, form.endTime));
    if (end <= start) errors.end = '结束时间要晚于开始时间';
    else if (end - start > 7 * 24 * 3600 * 1000) errors.end = '一次活动最长 7 天';
    if (start < now.getTime() - 30 * 24 * 3600 * 1000) errors.start = '开始时间最早只能是 30 天前';
  }
  if (form.placeType === 'station' && !form.stationId) errors.place = '请选择一个服务站';
  if (form.placeType === 'address' && form.address.trim().length < 2) errors.place = '请填写活动地址';
  const url = form.onlineUrl.trim();
  if (form.placeType === 'online' && !url) errors.onlineUrl = '线上活动请填写会议链接';
  else if (url && !HTTPS.test(url)) errors.onlineUrl = '会议链接要以 https:// 开头';
  const capacity = form.capacity.trim();
  if (capacity && (!WHOLE.test(capacity) || Number(capacity) < 1 || Number(capacity) > 10000)) {
    errors.capacity = '名额请填 1 到 10000 的整数，不限人数就空着';
  }
  if (!form.audienceKey) errors.audience = '请选择参加对象';
  if (form.kind === 'volunteer') {
    const hours = form.serviceHours.trim();
    if (!WHOLE.test(hours) || Number(hours) < 1 || Number(hours) > 24)
      errors.serviceHours = '请填写服务时长：1 到 24 的整数小时';
  }
  if (form.hasVote && form.kind && !VOTING_KINDS.includes(form.kind)) {
    errors.vote = '只有支部党员大会、支部委员会、民主评议可以有表决事项';
  }
  if (form.hasVote && form.audienceKey.startsWith('subtree:')) errors.vote = '表决事项只能在本支部的会议上进行';
  const badLink = form.links.find((l) => !l.title.trim() || !HTTPS.test(l.url.trim()));
  if (badLink) errors.links = '每个链接都要有名称，网址以 https:// 开头';
  return errors;
}

/** Where a server complaint about a field belongs on the form. */
export function fieldOfServerError(field: string | undefined): FieldKey | null {
  if (!field) return null;
  const head = field.split('.')[0];
  const map: Record<string, FieldKey> = {
    kind: 'kind',
    title: 'title',
    startAt: 'start',
    endAt: 'end',
    place: 'place',
    onlineUrl: 'onlineUrl',
    capacity: 'capacity',
    audience: 'audience',
    serviceHours: 'serviceHours',
    hasVote: 'vote',
    materials: 'links',
  };
  return (head && map[head]) || null;
}

/** The contract's input from a valid form. */
export function toSessionInput(form: PublishForm, audience: AudienceOption): SessionInput {
  const input: SessionInput = {
    kind: form.kind as SessionKind,
    title: form.title.trim(),
    startAt: isoOf(form.startDate, form.startTime),
    endAt: isoOf(form.endDate, form.endTime),
    audience: { type: audience.type, orgId: audience.orgId },
    capacity: form.capacity.trim() ? Number(form.capacity.trim()) : null,
  };
  const agenda = form.agenda.trim();
  if (agenda) input.agenda = agenda;
  if (form.placeType === 'station') input.place = { type: 'station', stationId: form.stationId };
  if (form.placeType === 'address') input.place = { type: 'address', address: form.address.trim() };
  const url = form.onlineUrl.trim();
  if (url) input.onlineUrl = url;
  if (form.kind === 'volunteer') input.serviceHours = Number(form.serviceHours.trim());
  if (form.hasVote) input.hasVote = true;
  const text = form.materialsText.trim();
  const links = form.links.map((l) => ({ title: l.title.trim(), url: l.url.trim() }));
  if (text || links.length || form.images.length) {
    input.materials = {};
    if (text) input.materials.text = text;
    if (links.length) input.materials.links = links;
    if (form.images.length) input.materials.images = [...form.images];
  }
  return input;
}

/** A request id made once per opened form: a double tap or a retry publishes one session. */
export function newRequestId(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 12)}`;
}

/** The audiences a caller may publish for: their branches, everyone under the nodes they administer. */
export function audienceOptions(profile: CallerProfile): AudienceOption[] {
  return profile.roles.map((r) =>
    r.role === 'secretary'
      ? { key: audienceKeyOf('branch', r.scopeId), type: 'branch', orgId: r.scopeId, label: `${r.scopeName}党员` }
      : {
          key: audienceKeyOf('subtree', r.scopeId),
          type: 'subtree',
          orgId: r.scopeId,
          label: `${r.scopeName}全体流动党员`,
        },
  );
}

/** The claim form's rules, apart from the page: what is missing, and the draft the server gets. */
import type { PointsRuleView } from '../../../typings/areas/points';
import { MAX_HOURS, MAX_PHOTOS } from '../../constants/points';
import type { ClaimDraft } from '../../services/points';

export interface ClaimForm {
  ruleCode: string;
  occurredOn: string;
  hours: number;
  description: string;
  photos: string[];
}

export type ClaimField = 'ruleCode' | 'occurredOn' | 'hours' | 'description' | 'photos';

/** The first thing to fix, in plain words, or null when the form can be sent. */
export function firstProblem(
  form: ClaimForm,
  rule: Pick<PointsRuleView, 'unit' | 'evidenceRequired'> | undefined,
): { field: ClaimField; message: string } | null {
  if (!rule) return { field: 'ruleCode', message: '请先选择申报的项目' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.occurredOn)) return { field: 'occurredOn', message: '请选择事情发生的日期' };
  if (rule.unit === 'hour' && (form.hours < 1 || form.hours > MAX_HOURS)) {
    return { field: 'hours', message: `服务时长请填 1 到 ${MAX_HOURS} 小时` };
  }
  if (form.description.trim().length < 5) return { field: 'description', message: '请把事情经过写清楚，至少 5 个字' };
  if (form.description.trim().length > 500) return { field: 'description', message: '事情经过请不要超过 500 个字' };
  if (rule.evidenceRequired && form.photos.length === 0)
    return { field: 'photos', message: '这个项目需要上传照片作为证明' };
  if (form.photos.length > MAX_PHOTOS) return { field: 'photos', message: `照片最多 ${MAX_PHOTOS} 张` };
  return null;
}

/** What the server gets: hours only for items counted by the hour. */
export function toDraft(form: ClaimForm, rule: Pick<PointsRuleView, 'unit'>): ClaimDraft {
  return {
    ruleCode: form.ruleCode,
    occurredOn: form.occurredOn,
    ...(rule.unit === 'hour' ? { quantity: form.hours } : {}),
    description: form.description.trim(),
    photos: form.photos,
  };
}

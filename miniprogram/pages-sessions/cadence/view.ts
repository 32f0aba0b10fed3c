/** The cadence to-do as the secretary reads it: what is still to hold first. */
import type { CadenceItem, CadenceStatus } from '../../../typings';
import { CADENCE_STATUS_LABELS, SESSION_KIND_LABELS } from '../../constants/sessions';

export interface CadenceView {
  kind: string;
  kindLabel: string;
  periodLabel: string;
  statusLabel: string;
  statusTheme: string;
  note: string;
  missing: boolean;
}

const THEMES: Record<CadenceStatus, string> = {
  missing: 'danger',
  scheduled: 'warning',
  done: 'success',
  not_required: 'default',
};
const ORDER: Record<CadenceStatus, number> = { missing: 0, scheduled: 1, done: 2, not_required: 3 };

export function toCadenceViews(items: CadenceItem[]): CadenceView[] {
  return [...items]
    .sort((a, b) => ORDER[a.status] - ORDER[b.status])
    .map((i) => ({
      kind: i.kind,
      kindLabel: SESSION_KIND_LABELS[i.kind],
      periodLabel: i.periodLabel,
      statusLabel: CADENCE_STATUS_LABELS[i.status],
      statusTheme: THEMES[i.status],
      note: i.note ?? (i.status === 'done' ? `已召开 ${i.held} 次` : ''),
      missing: i.status === 'missing',
    }));
}

/** Times as an administrator reads them, in Beijing time whatever the phone's time zone. */
import { chineseDay, partsOfIso } from '../../utils/shanghai-time';

/** '2024-05-01T02:00:00.000Z' → '2024年5月1日'; '' for an unreadable value. */
export function formatDay(iso: string | null | undefined): string {
  const p = partsOfIso(iso);
  return p ? chineseDay(p) : '';
}

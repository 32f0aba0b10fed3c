/** Times as an administrator reads them, in Beijing time whatever the phone's time zone. */

const BEIJING_OFFSET_MS = 8 * 3600 * 1000;

/** '2024-05-01T02:00:00.000Z' → '2024年5月1日'; '' for an unreadable value. */
export function formatDay(iso: string | null | undefined): string {
  const ms = Date.parse(iso ?? '');
  if (Number.isNaN(ms)) return '';
  const d = new Date(ms + BEIJING_OFFSET_MS);
  return `${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`;
}

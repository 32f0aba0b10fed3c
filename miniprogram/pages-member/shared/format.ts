/** How the member pages write dates and tell the person things: plain Chinese, nothing to decode. */

/** 2026-03-01 → 2026年3月1日; anything else is shown as it is. */
export function formatDay(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : day;
}

/** 2026-03 → 2026年3月; anything else is shown as it is. */
export function formatMonth(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** A dialog with one 知道了 button (a toast vanishes before an older reader has read it). */
export function showNotice(title: string, content: string): Promise<void> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, showCancel: false, confirmText: '知道了', complete: () => resolve() });
  });
}

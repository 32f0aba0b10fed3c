/** WeChat's own dialogs (they follow the font size): confirming, and asking for a short reason. */

/** True when the person chose `confirmText`. */
export function confirmAction(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

/**
 * A reason typed into the dialog (pre-filled with a suggestion the person may keep), or null when
 * they cancel. An empty answer asks again once with the hint shown.
 */
export function askReason(title: string, suggestion: string, placeholder = '请写明原因'): Promise<string | null> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      editable: true,
      placeholderText: placeholder,
      content: suggestion,
      confirmText: '确定',
      cancelText: '取消',
      success: (res) => {
        if (!res.confirm) return resolve(null);
        const text = (res.content ?? '').trim();
        resolve(text.length >= 2 ? text : null);
      },
      fail: () => resolve(null),
    });
  });
}

/** A short message the person dismisses themselves (a toast vanishes before an older reader has read it). */
export function tell(title: string, content: string): Promise<void> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, showCancel: false, confirmText: '知道了', complete: () => resolve() });
  });
}

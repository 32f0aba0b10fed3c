/**
 * Asking and telling in WeChat's own dialog, which follows the font size (a toast vanishes before
 * an older reader has read it). WeChat refuses a `confirmText` longer than four Chinese
 * characters: keep it short. The areas' dialogs that take typed text live beside their pages.
 */

/** True when the person chose `confirmText`; false on 取消 or when the dialog failed. `danger` paints it red. */
export function confirmAction(title: string, content: string, confirmText = '确定', danger = false): Promise<boolean> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content,
      confirmText,
      cancelText: '取消',
      ...(danger ? { confirmColor: '#d54941' } : {}),
      success: (res) => resolve(res.confirm),
      fail: () => resolve(false),
    });
  });
}

/** A short message the person dismisses themselves. */
export function tell(title: string, content: string): Promise<void> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, showCancel: false, confirmText: '知道了', complete: () => resolve() });
  });
}

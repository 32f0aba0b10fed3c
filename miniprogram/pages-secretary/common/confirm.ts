/** Asking before an action that cannot simply be undone, in WeChat's own dialog (it follows the font size). */

/**
 * True when the person chose `confirmText`; false on 取消 or when the dialog failed.
 * WeChat refuses a `confirmText` longer than four Chinese characters: keep it short.
 */
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

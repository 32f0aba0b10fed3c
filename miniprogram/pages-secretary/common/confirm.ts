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

/** A confirmation with a short optional note typed in it: the note ('' when none), or null when cancelled. */
export function askNote(title: string, placeholder: string, confirmText = '确定'): Promise<string | null> {
  return new Promise((resolve) => {
    wx.showModal({
      title,
      content: '',
      editable: true,
      placeholderText: placeholder,
      confirmText,
      cancelText: '取消',
      success: (res) => resolve(res.confirm ? (res.content ?? '').trim() : null),
      fail: () => resolve(null),
    });
  });
}

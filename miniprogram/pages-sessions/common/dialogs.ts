/** Asking for a short reason in WeChat's own dialog (confirming and telling: utils/dialogs.ts). */

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

/** The secretary's dialog with a note typed in it (confirming and telling: utils/dialogs.ts). */

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

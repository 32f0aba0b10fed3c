/**
 * Questions in WeChat's own dialog, which follows the font size. WeChat refuses a `confirmText`
 * longer than four Chinese characters: keep it short.
 */

/** True when the person chose `confirmText`; false on 取消 or when the dialog failed. */
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

export interface AskTextOptions {
  title: string;
  placeholder: string;
  /** Filled in to start with, e.g. the current name. */
  initial?: string;
  confirmText?: string;
  /** Red confirm button, for a step that cannot be taken back. */
  danger?: boolean;
}

/** A line of text typed into the dialog, trimmed; null when cancelled. */
export function askText(options: AskTextOptions): Promise<string | null> {
  return new Promise((resolve) => {
    wx.showModal({
      title: options.title,
      editable: true,
      placeholderText: options.placeholder,
      content: options.initial ?? '',
      confirmText: options.confirmText ?? '确定',
      cancelText: '取消',
      ...(options.danger ? { confirmColor: '#d54941' } : {}),
      success: (res) => resolve(res.confirm ? (res.content ?? '').trim() : null),
      fail: () => resolve(null),
    });
  });
}

/** Tells the person something they must read before going on (a toast vanishes too soon). */
export function tell(title: string, content: string): Promise<void> {
  return new Promise((resolve) => {
    wx.showModal({ title, content, showCancel: false, confirmText: '知道了', complete: () => resolve() });
  });
}

/**
 * Text typed into WeChat's own dialog, which follows the font size (confirming and telling:
 * utils/dialogs.ts). WeChat refuses a `confirmText` longer than four Chinese characters.
 */

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

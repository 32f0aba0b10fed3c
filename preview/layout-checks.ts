/**
 * Faults a person would see, measured in Chromium on the drawn page (the function runs in the
 * browser, so it uses nothing from outside its body):
 * - `overflow`: a button whose label spills out of it (too long for one line, or too tall);
 * - `column`: text squeezed to about one character per line ("复 / 制", "性 / 别");
 * - `label`: a field label broken over lines ("名额（不限 / 人数就空 / 着）");
 * - `wide`: something reaches past the right edge of the screen (the page would scroll sideways);
 * - `below-fold`: the scene's main action is not on the first screen.
 */
export interface LayoutFault {
  kind: 'overflow' | 'column' | 'label' | 'wide' | 'below-fold';
  text: string;
}

export interface LayoutProbe {
  /** The first screen's lower edge in page px (the fold line). */
  foldY: number;
  /** The label of the scene's main action (a button or a cell), if it names one. */
  mainAction?: string;
}

export function findLayoutFaults(probe: LayoutProbe): LayoutFault[] {
  const faults: LayoutFault[] = [];
  const textOf = (el: Element) => (el.textContent ?? '').replace(/\s+/g, '').trim();
  const short = (t: string) => (t.length > 24 ? `${t.slice(0, 24)}…` : t);

  for (const button of Array.from(document.querySelectorAll('.t-button'))) {
    const content = button.querySelector('.t-button__content');
    if (!content) continue;
    const outer = button.getBoundingClientRect();
    const inner = content.getBoundingClientRect();
    const spills =
      inner.top < outer.top - 1 ||
      inner.bottom > outer.bottom + 1 ||
      inner.left < outer.left - 1 ||
      inner.right > outer.right + 1;
    if (inner.height > 0 && spills) {
      faults.push({ kind: 'overflow', text: short(textOf(content)) });
    }
  }

  /** The number of lines the direct text of `el` takes. */
  const linesOf = (el: Element): { lines: number; chars: number } => {
    let chars = 0;
    const tops = new Set<number>();
    for (const node of Array.from(el.childNodes)) {
      if (node.nodeType !== Node.TEXT_NODE) continue;
      // A required mark ("&nbsp;*") is not a word.
      const text = (node.textContent ?? '').replace(/[\s\u00a0*]+/g, '');
      if (!text) continue;
      chars += text.length;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const rect of Array.from(range.getClientRects())) if (rect.width > 0) tops.add(Math.round(rect.top));
    }
    return { lines: tops.size, chars };
  };

  for (const el of Array.from(document.querySelectorAll('.wx-page *'))) {
    const { lines, chars } = linesOf(el);
    if (lines >= 2 && chars / lines < 2.5) faults.push({ kind: 'column', text: short(textOf(el)) });
  }

  for (const label of Array.from(document.querySelectorAll('.t-input__label'))) {
    if (linesOf(label).lines >= 2) faults.push({ kind: 'label', text: short(textOf(label)) });
  }

  // Only what really scrolls the page sideways: text clipped inside its box (an input) does not.
  const screen = document.documentElement.clientWidth;
  const scrolls = document.documentElement.scrollWidth > screen + 1;
  const wide = Array.from(document.querySelectorAll('.wx-page *')).filter((el) => {
    const box = el.getBoundingClientRect();
    return scrolls && box.width > 0 && box.right > screen + 1;
  });
  // Report the outermost: its children spill because it does.
  const outermost = wide.filter((el) => !wide.some((other) => other !== el && other.contains(el)));
  for (const el of outermost) faults.push({ kind: 'wide', text: short(textOf(el)) });

  if (probe.mainAction) {
    const target = Array.from(document.querySelectorAll('.t-button, .t-cell, wx-button')).find((el) =>
      textOf(el).includes(probe.mainAction!),
    );
    const box = target?.getBoundingClientRect();
    // A bar fixed to the bottom of the screen is on every screen, the first included.
    let fixed = false;
    for (let el: Element | null = target ?? null; el; el = el.parentElement) {
      if (getComputedStyle(el).position === 'fixed') fixed = true;
    }
    if (!box || box.height === 0) faults.push({ kind: 'below-fold', text: `找不到「${probe.mainAction}」` });
    else if (!fixed && box.bottom + window.scrollY > probe.foldY)
      faults.push({ kind: 'below-fold', text: short(textOf(target!)) });
  }
  return faults;
}

export const FAULT_NAMES: Record<LayoutFault['kind'], string> = {
  overflow: '按钮文字溢出',
  column: '一字一行',
  label: '标签折行',
  wide: '超出屏幕右边',
  'below-fold': '主要操作不在第一屏',
};

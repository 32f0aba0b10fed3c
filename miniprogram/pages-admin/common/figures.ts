/** How the desk pages show a figure's change on the period before: an arrow, the amount, good or bad. */
import type { FigureView } from '../../../typings/areas/desk';

export interface FigureRow {
  id: string;
  name: string;
  text: string;
  definition: string;
  /** 比上期 ↑3 / ↓0.5% / 持平, or '' when the period before is not known. */
  changeText: string;
  /** good, bad or flat, for the colour. */
  changeTone: 'good' | 'bad' | 'flat';
}

/** A change in the figure's own unit: rates are in tenths of a percent, money in fen. */
function amountOf(f: FigureView, change: number): string {
  const size = Math.abs(change);
  if (f.text.endsWith('%')) return `${(size / 10).toFixed(1)}%`;
  if (f.text.endsWith('元')) return `${(size / 100).toFixed(2)} 元`;
  return String(Math.round(size * 10) / 10);
}

export function figureRow(f: FigureView): FigureRow {
  let changeText = '';
  let changeTone: FigureRow['changeTone'] = 'flat';
  if (f.change !== null && f.value !== null) {
    if (f.change === 0) changeText = '比上期持平';
    else {
      changeText = `比上期${f.change > 0 ? '↑' : '↓'}${amountOf(f, f.change)}`;
      changeTone = f.change > 0 === (f.better === 'higher') ? 'good' : 'bad';
    }
  }
  return { id: f.id, name: f.name, text: f.text, definition: f.definition, changeText, changeTone };
}

/**
 * Choosing months to pay, oldest first with no gaps (the rule the server enforces): ticking a month
 * ticks the payable months before it; unticking one unticks those after it. Display help only.
 */

export interface Selectable {
  month: string;
  amountFen: number;
  payable: boolean;
}

/** The months selected after tapping `month`, given what was selected. */
export function toggleMonth(choices: readonly Selectable[], selected: readonly string[], month: string): string[] {
  const payable = choices.filter((c) => c.payable).map((c) => c.month);
  const at = payable.indexOf(month);
  if (at === -1) return [...selected];
  if (selected.includes(month)) return payable.slice(0, at).filter((m) => selected.includes(m));
  return payable.slice(0, at + 1);
}

/** Sum of the selected months' amounts, in fen. */
export function totalOf(choices: readonly Selectable[], selected: readonly string[]): number {
  return choices.filter((c) => selected.includes(c.month)).reduce((sum, c) => sum + c.amountFen, 0);
}

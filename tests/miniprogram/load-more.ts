/**
 * What a page sends to its view when the person scrolls to the bottom: the keys of every setData
 * patch. A page that pages through the paged-list behaviour sends `rows[20]`, `rows[21]`… and
 * never `rows` (the whole list) again.
 */
import { settle, type PageComponent } from './harness';

interface Scrollable {
  setData: (patch: Record<string, unknown>) => void;
  onReachBottom(): void;
}

/** Scrolls to the bottom once and returns the setData keys the page sent while loading more. */
export async function keysSentOnLoadMore(page: PageComponent): Promise<string[]> {
  const instance = page.instance as unknown as Scrollable;
  const setData = jest.spyOn(instance, 'setData');
  instance.onReachBottom();
  await settle();
  const keys = setData.mock.calls.flatMap(([patch]) => Object.keys(patch));
  setData.mockRestore();
  return keys;
}

/** The row keys among them, e.g. ['rows[20]', 'rows[21]']. */
export const rowKeys = (keys: string[]) => keys.filter((k) => k === 'rows' || k.startsWith('rows['));

/** `rows[from]` … `rows[from + count - 1]`. */
export const rowPaths = (from: number, count: number) => Array.from({ length: count }, (_, i) => `rows[${from + i}]`);

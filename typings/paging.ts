/**
 * Paged lists. Types only, shared by both sides.
 */

/**
 * Where the next page starts: an opaque string made by the server from the last row's sort key
 * and `_id` (keyset, never an offset). Pass it back exactly as received; anything else is
 * refused with INVALID_ARGUMENT.
 */
export type PageCursor = string;

export interface Page<T> {
  items: T[];
  /** Pass back to get the next page; null at the end. */
  nextCursor: PageCursor | null;
}

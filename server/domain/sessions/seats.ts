/**
 * Places of a session, counted on a few counter documents (shards) instead of one, each with its
 * own quota: every sign-up is still a transaction on one counter, but a burst of sign-ups spreads
 * over several, so fewer collide and none waits long. The quotas add up to the capacity, and no
 * shard takes more than its quota, so the session never takes more than its capacity.
 */

/** Counters per session: enough to spread a burst, few enough to read in one go. */
export const SEAT_SHARDS = 8;

/** How many counters a session gets: one per place for small capacities, else `SEAT_SHARDS`. */
export function shardCountFor(capacity: number | null): number {
  return capacity === null ? SEAT_SHARDS : Math.max(1, Math.min(SEAT_SHARDS, capacity));
}

/**
 * Quotas for the shards given what each has taken: what is left of the capacity spread evenly
 * (the first shards get one more when it does not divide). Null quotas for no limit; null when
 * the capacity is below what is already taken.
 */
export function splitCapacity(capacity: number | null, taken: readonly number[]): (number | null)[] | null {
  if (capacity === null) return taken.map(() => null);
  const used = taken.reduce((a, b) => a + b, 0);
  if (capacity < used) return null;
  const left = capacity - used;
  const base = Math.floor(left / taken.length);
  const extra = left % taken.length;
  return taken.map((t, k) => t + base + (k < extra ? 1 : 0));
}

export interface ShardState {
  shard: number;
  quota: number | null;
  taken: number;
}

/** Places taken across the shards. */
export const seatsTakenOf = (shards: readonly ShardState[]) => shards.reduce((a, s) => a + s.taken, 0);

/** Shards with a place left. */
export const shardsWithRoom = (shards: readonly ShardState[]) =>
  shards.filter((s) => s.quota === null || s.taken < s.quota);

/** A shard with room, chosen at random so concurrent sign-ups spread out; null when full. */
export function pickShard(shards: readonly ShardState[], random: () => number = Math.random): number | null {
  const open = shardsWithRoom(shards);
  if (open.length === 0) return null;
  return open[Math.min(open.length - 1, Math.floor(random() * open.length))]!.shard;
}

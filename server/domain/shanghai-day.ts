/** The calendar day of an instant in Asia/Shanghai (UTC+8 all year: no daylight saving since 1991), 'YYYY-MM-DD'. */
export function shanghaiDay(at: Date): string {
  if (Number.isNaN(at.getTime())) throw new RangeError('shanghaiDay: invalid date');
  return new Date(at.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** The local host's timer triggers (emulator/timer-triggers.ts), read from the repo's cloudbaserc.json. */
import path from 'node:path';
import { intervalOfCron, startTimerTriggers, timerTriggersOf } from '../../emulator/timer-triggers';

test('"every N minutes" schedules become intervals; anything else is not emulated', () => {
  expect(intervalOfCron('0 */10 * * * * *')).toBe(600_000);
  expect(intervalOfCron('0 */1 * * * * *')).toBe(60_000);
  expect(intervalOfCron('0 0 1 1 * * *')).toBeNull();
  expect(intervalOfCron('*/10 * * * * * *')).toBeNull();
  expect(intervalOfCron('0 */60 * * * * *')).toBeNull();
});

test('the repo declares one timer, on jobs, every ten minutes', () => {
  const triggers = timerTriggersOf(path.resolve(__dirname, '../../cloudbaserc.json'));
  expect(triggers).toEqual([
    { functionName: 'jobs', triggerName: 'jobs', everyMs: 600_000, config: '0 */10 * * * * *' },
  ]);
});

test('a trigger fires at start and on each interval, as a timer event with no user; stopping ends it', () => {
  jest.useFakeTimers();
  const calls: { name: string; event: { Type: string; TriggerName: string } }[] = [];
  const stop = startTimerTriggers(
    [{ functionName: 'jobs', triggerName: 'jobs', everyMs: 600_000, config: '0 */10 * * * * *' }],
    (name, event) => {
      calls.push({ name, event: event as { Type: string; TriggerName: string } });
      return Promise.resolve();
    },
  );
  expect(calls).toHaveLength(1);
  expect(calls[0]).toMatchObject({ name: 'jobs', event: { Type: 'Timer', TriggerName: 'jobs' } });
  jest.advanceTimersByTime(600_000 * 2);
  expect(calls).toHaveLength(3);
  stop();
  jest.advanceTimersByTime(600_000 * 3);
  expect(calls).toHaveLength(3);
  jest.useRealTimers();
});

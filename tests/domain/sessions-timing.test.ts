/** When a session may be signed up for, checked in to and marked; the check-in code's validity. */
import {
  beforeStart,
  checkinCodeValidity,
  checkinOpensAt,
  checkinPhase,
  handMarkOpen,
  timesProblem,
} from '../../server/domain/sessions';
import { rotatingWindow } from '../../server/platform/signed-token';

const T = new Date('2026-03-05T11:30:00Z'); // 19:30 Beijing
const at = (ms: number) => new Date(T.getTime() + ms);
const MIN = 60_000;
const session = { startAt: T, endAt: at(90 * MIN) };

describe('check-in window: from 30 minutes before the start (inclusive) to the end (exclusive)', () => {
  it.each([
    ['31 minutes before', -31 * MIN, 'not_open'],
    ['1 ms before it opens', -30 * MIN - 1, 'not_open'],
    ['the moment it opens', -30 * MIN, 'open'],
    ['at the start', 0, 'open'],
    ['1 ms before the end', 90 * MIN - 1, 'open'],
    ['at the end', 90 * MIN, 'closed'],
  ])('%s: %s', (_name, offset, phase) => {
    expect(checkinPhase(session, at(offset))).toBe(phase);
  });

  it('opens half an hour early', () => {
    expect(checkinOpensAt(session)).toEqual(at(-30 * MIN));
  });
});

describe('the code shown in a window', () => {
  it('is accepted in its 30-second window and the next', () => {
    const now = at(10 * MIN + 5000);
    const v = checkinCodeValidity(session, rotatingWindow(now, 30))!;
    const window = rotatingWindow(now, 30);
    expect(v).toEqual({ notBefore: window.startsAt, expiresAt: window.acceptUntil, refreshAt: window.endsAt });
  });

  it('never starts before check-in opens', () => {
    const now = at(-30 * MIN + 1000);
    const v = checkinCodeValidity(session, rotatingWindow(now, 30))!;
    expect(v.notBefore).toEqual(at(-30 * MIN));
  });

  it('never outlives the end, and none is made when less than a second is left', () => {
    const now = at(90 * MIN - 20_000);
    const v = checkinCodeValidity(session, rotatingWindow(now, 30))!;
    expect(v.expiresAt).toEqual(session.endAt);
    expect(v.refreshAt.getTime()).toBeLessThanOrEqual(session.endAt.getTime());
    const odd = { startAt: T, endAt: at(90 * MIN + 400) };
    expect(checkinCodeValidity(odd, rotatingWindow(at(90 * MIN + 100), 30))).toBeNull();
  });
});

describe('other deadlines', () => {
  it('closes sign-up and leave at the start', () => {
    expect(beforeStart(session, at(-1))).toBe(true);
    expect(beforeStart(session, T)).toBe(false);
  });

  it('accepts hand marks from the opening of check-in to 30 days after the end', () => {
    expect(handMarkOpen(session, at(-31 * MIN))).toBe('early');
    expect(handMarkOpen(session, at(-30 * MIN))).toBe('open');
    expect(handMarkOpen(session, at(90 * MIN + 29 * 24 * 60 * MIN))).toBe('open');
    expect(handMarkOpen(session, at(90 * MIN + 30 * 24 * 60 * MIN))).toBe('late');
  });

  it.each([
    ['an end before the start', { startAt: T, endAt: at(-MIN) }, '结束时间须晚于开始时间'],
    ['an end equal to the start', { startAt: T, endAt: T }, '结束时间须晚于开始时间'],
    ['more than 7 days long', { startAt: T, endAt: at(7 * 24 * 60 * MIN + 1) }, '一次活动最长 7 天'],
    [
      'a start 31 days ago',
      { startAt: at(-31 * 24 * 60 * MIN), endAt: at(-31 * 24 * 60 * MIN + MIN) },
      '开始时间最早只能是 30 天前',
    ],
    [
      'a start two years ahead',
      { startAt: at(730 * 24 * 60 * MIN), endAt: at(730 * 24 * 60 * MIN + MIN) },
      '开始时间不能超过一年以后',
    ],
    [
      'a session recorded a week later',
      { startAt: at(-7 * 24 * 60 * MIN), endAt: at(-7 * 24 * 60 * MIN + 60 * MIN) },
      null,
    ],
  ])('times: %s', (_name, times, problem) => {
    expect(timesProblem(times, T)).toBe(problem);
  });
});

/**
 * The timer triggers of cloudbaserc.json, fired by the local host as the platform would: each
 * function's timer event (`Type: 'Timer'`, the trigger's name, the time, no user) once at start
 * and then on its schedule. Only "every N minutes" schedules (`0 *\/N * * * * *`, CloudBase's
 * seven-field cron) are emulated; any other is reported and left to be fired by hand.
 */
import { readFileSync } from 'node:fs';

export interface TimerTrigger {
  functionName: string;
  triggerName: string;
  /** The schedule as an interval, or null when it is not "every N minutes". */
  everyMs: number | null;
  config: string;
}

/** `0 *\/N * * * * *` (every N minutes) → N minutes in ms; null for any other cron. */
export function intervalOfCron(config: string): number | null {
  const m = /^0 \*\/([1-9]\d?) \* \* \* \* \*$/.exec(config.trim());
  if (!m) return null;
  const minutes = Number(m[1]);
  return minutes <= 59 ? minutes * 60_000 : null;
}

interface DeployConfig {
  functions?: { name: string; triggers?: { name: string; type: string; config: string }[] }[];
}

/** The timer triggers declared in a cloudbaserc.json. */
export function timerTriggersOf(configPath: string): TimerTrigger[] {
  const config = JSON.parse(readFileSync(configPath, 'utf8')) as DeployConfig;
  return (config.functions ?? []).flatMap((fn) =>
    (fn.triggers ?? [])
      .filter((t) => t.type === 'timer')
      .map((t) => ({
        functionName: fn.name,
        triggerName: t.name,
        everyMs: intervalOfCron(t.config),
        config: t.config,
      })),
  );
}

type Invoke = (name: string, event: unknown) => Promise<unknown>;

/** Fire each emulated trigger now and on its interval; returns a function that stops them. */
export function startTimerTriggers(triggers: TimerTrigger[], invoke: Invoke, log = console): () => void {
  const handles: NodeJS.Timeout[] = [];
  for (const t of triggers) {
    if (t.everyMs === null) {
      log.warn(`[timers] ${t.functionName}/${t.triggerName}（${t.config}）不是“每 N 分钟”，本地不自动触发`);
      continue;
    }
    const fire = () => {
      const event = { Type: 'Timer', TriggerName: t.triggerName, Time: new Date().toISOString() };
      invoke(t.functionName, event).catch((err: unknown) => log.error(`[timers] ${t.functionName} failed`, err));
    };
    fire();
    handles.push(setInterval(fire, t.everyMs));
  }
  return () => handles.forEach((h) => clearInterval(h));
}

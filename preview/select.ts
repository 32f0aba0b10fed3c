import { SCENES } from './scenes';
import type { Scene } from './scene';

/** The scenes named by `only` (ids or parts of ids, comma-separated), or all of them. */
export function selectScenes(only: string | undefined): Scene[] {
  const parts = (only ?? '')
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return SCENES;
  const chosen = SCENES.filter((s) => parts.some((p) => s.id.includes(p)));
  if (chosen.length === 0) throw new Error(`没有场景匹配：${parts.join('、')}`);
  return chosen;
}

import { figures } from '../desk/figures';
import { ranking } from '../desk/ranking';
import { rankingSettings, setRankingSettings } from '../desk/settings';
import { defineFunction } from '../platform/dispatch';

/** Cloud function `desk`: the organisation department's figures, rankings (晾晒) and reports. */
export const main = defineFunction('desk', { figures, ranking, rankingSettings, setRankingSettings });

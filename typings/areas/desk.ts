/** Actions of the `desk` function: the organisation department's figures for a node. */

/** One figure as the desk shows it: the value, its text, and its definition for the legend. */
export interface FigureView {
  id: string;
  name: string;
  /** The number (people, days…), a rate in tenths of a percent, or null when it cannot be (an empty denominator). */
  value: number | null;
  /** As shown: `128 人`, `87.5%`, or why there is no rate (`本期无摸排人数`). */
  text: string;
  definition: string;
}

export interface CoverageFigures {
  nodeId: string;
  nodeName: string;
  /** When they were counted (ISO); the figures are as of this moment. */
  asOf: string;
  figures: FigureView[];
}

export interface DeskApi {
  /** 覆盖 for a node the caller administers (or the branch they run): found, registered, assigned, rates, waits. */
  coverage: { input: { nodeId: string }; output: CoverageFigures };
}

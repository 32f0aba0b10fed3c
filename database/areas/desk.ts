import { DENY_ALL, type CollectionSpec } from '../schema';

/** The organisation desk: per-branch monthly summaries, ranking settings, and issued reports. */
export const DESK_COLLECTIONS = {
  deskBranchMonths: 'desk_branch_months',
  deskSettings: 'desk_settings',
  deskReports: 'desk_reports',
  deskReportRows: 'desk_report_rows',
} as const;

export const deskCollections: CollectionSpec[] = [
  {
    name: DESK_COLLECTIONS.deskBranchMonths,
    description:
      '支部月度汇总：每个支部每月一条（_id 为 支部编号@YYYY-MM）；组织生活、党费、积分的月度数字，月末定稿，本月每小时更新',
    indexes: [
      // Figures and rankings of any node over months: everything under the node, by month.
      { name: 'org_path_month', keys: { orgPath: 1, month: 1 } },
      { name: 'month_final', keys: { month: 1, final: 1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: DESK_COLLECTIONS.deskSettings,
    description: '晾晒设置：每个组织一条（_id 为组织编号）；各指标的红黄绿阈值与综合得分的权重，谁、何时修改',
    indexes: [],
    rules: DENY_ALL,
  },
  {
    name: DESK_COLLECTIONS.deskReports,
    description:
      '周报、月报、季报：每期每版一条（_id 为 期别#v版本）；出具时间、出具人、与上一版相比的变化，出具后不再修改',
    indexes: [
      { name: 'period_state_version', keys: { period: 1, state: 1, version: -1 } },
      { name: 'state_issued', keys: { state: 1, issuedAt: -1 } },
    ],
    rules: DENY_ALL,
  },
  {
    name: DESK_COLLECTIONS.deskReportRows,
    description: '报表中每个组织一行（_id 为 期别#v版本#组织编号）：出具时的全部指标，出具后不再修改',
    indexes: [
      { name: 'report_node', keys: { reportId: 1, nodeId: 1 } },
      { name: 'report_parent', keys: { reportId: 1, parentId: 1, nodeName: 1 } },
      { name: 'node_period', keys: { nodeId: 1, period: 1, version: -1 } },
    ],
    rules: DENY_ALL,
  },
];

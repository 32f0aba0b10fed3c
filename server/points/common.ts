/** What the points handlers share: input pieces, the caller's title, places in the tree, paging. */
import type { Access, TreePlace } from '../domain/scope';
import { canAdminister } from '../domain/scope';
import { RULE_CODE_PATTERN } from '../domain/points/rules';
import { periodsOf } from '../domain/points/periods';
import { invalidArgument } from '../platform/errors';
import { cursorSchema } from '../platform/keyset';
import { labelled, z } from '../platform/validation';

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;

export const pageInput = {
  cursor: cursorSchema.optional(),
  limit: labelled(z.number().int().min(1).max(MAX_PAGE), '每页条数').optional(),
};

export const ruleCodeSchema = labelled(
  z.string().trim().max(64).regex(RULE_CODE_PATTERN, '不是有效的项目编码'),
  '积分项目',
);
export const yearSchema = labelled(z.number().int().min(2000).max(2100), '年度');
export const idSchema = (label: string) => labelled(z.string().trim().min(1).max(128), label);
export const noteSchema = (label: string, min = 2, max = 200) => labelled(z.string().trim().min(min).max(max), label);

/** This year in Asia/Shanghai. */
export const currentYear = (now = new Date()) => periodsOf(now).year;

/**
 * An act recorded by its day must have happened: not in the future, and no earlier than the start
 * of last year (entries count towards a year's total, and last year's is settled early this year).
 */
export function checkActDay(day: string, field: string, now = new Date()): void {
  const today = periodsOf(now);
  if (day > today.date) throw invalidArgument('发生日期不能晚于今天', field);
  if (Number(day.slice(0, 4)) < today.year - 1) throw invalidArgument(`只能记录 ${today.year - 1} 年以来的事项`, field);
}

/** A member's branch as a place in the tree (the branch is the last element of its path). */
export function branchPlaceOf(orgPath: readonly string[]): TreePlace | null {
  const id = orgPath[orgPath.length - 1];
  return id ? { id, ancestors: orgPath.slice(0, -1) } : null;
}

/** How the caller is named on records a member reads: a title, never an openid. */
export function titleOf(access: Access, branch: TreePlace | null): string {
  if (access.isSuperAdmin) return '系统管理员';
  if (branch && canAdminister(access, branch)) return '上级党组织管理员';
  return '支部书记';
}

import { z } from 'zod';
import type { DuesCategory as ContractCategory } from '../../typings/areas/dues';
import { DUES_CATEGORIES, MAX_BASE_FEN, isMonth, type DuesCategory } from '../domain/dues';
import { cursorSchema } from '../platform/keyset';
import { labelled } from '../platform/validation';

/** The domain's and the contract's categories must be the same set. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
const sameCategories: Same<DuesCategory, ContractCategory> = true;
void sameCategories;

const CATEGORY_TUPLE = DUES_CATEGORIES as unknown as [DuesCategory, ...DuesCategory[]];

export const categorySchema = labelled(z.enum(CATEGORY_TUPLE), '党费交纳类别');

export const monthSchema = (label: string) =>
  labelled(
    z.string().refine((v) => isMonth(v), { message: '格式应为 年-月，例如 2026-05' }),
    label,
  );

/** Integer fen, never a float: "1.5 元" must arrive as 150. */
export const fenSchema = (label: string, max = MAX_BASE_FEN) =>
  labelled(
    z
      .number()
      .int('须为以“分”为单位的整数')
      .min(0, '不能为负数')
      .max(max, `不能超过 ${max / 100} 元`),
    label,
  );

export const memberIdSchema = labelled(z.string().trim().min(1).max(128), '党员编号');
export const orgIdSchema = (label: string) => labelled(z.string().trim().min(1).max(64), label);
export const reasonSchema = (label: string) => labelled(z.string().trim().min(2).max(200), label);

/** Out-trade numbers are ours: ≤ 32 of [0-9A-Za-z_-]. */
export const orderIdSchema = labelled(z.string().regex(/^[0-9A-Za-z_-]{1,32}$/, '无效的订单号'), '订单号');

export const DEFAULT_PAGE = 20;
export const MAX_PAGE = 100;
export const pageInput = {
  cursor: cursorSchema.optional(),
  limit: labelled(z.number().int().min(1).max(MAX_PAGE), '每页条数').optional(),
};

/** Months chosen to pay. At most 13 are payable (6 back, this month, 6 ahead): the domain says why in Chinese. */
export const monthsSchema = labelled(z.array(monthSchema('月份')).min(1, '请选择要交纳的月份').max(36), '交纳月份');

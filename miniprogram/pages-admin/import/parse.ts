/**
 * 摸排名单 pasted from a spreadsheet or a chat: one person a line, 姓名,身份证号,手机号,发现地点,备注.
 * Cells may be separated by English or Chinese commas or tabs (a paste from Excel); a header line
 * is skipped; 备注 may itself contain commas. Pure: the page and the tests share it.
 */
import type { ImportRow } from '../../../typings';

/** The server takes at most this many rows a call (server/members/imports.ts). */
export const MAX_IMPORT_ROWS = 500;

export interface ParsedRow {
  /** Position in what is sent, from 1: the server's results use the same numbers. */
  row: number;
  /** Line of the pasted text, from 1, to find it again. */
  line: number;
  data: ImportRow;
  /** Plain Chinese hints found before sending; the server has the last word. */
  problems: string[];
}

export interface ParseResult {
  rows: ParsedRow[];
  headerSkipped: boolean;
}

const SEPARATOR = /[,，\t]/;
const ID_CARD = /^\d{17}[\dX]$/;
const MOBILE = /^1\d{10}$/;

function isHeader(cells: string[]): boolean {
  return cells[0]?.includes('姓名') === true && cells.some((c) => c.includes('身份证'));
}

function problemsOf(row: ImportRow): string[] {
  const problems: string[] = [];
  if (!row.name) problems.push('缺少姓名');
  if (!row.idCardNumber) problems.push('缺少身份证号');
  else if (!ID_CARD.test(row.idCardNumber)) problems.push('身份证号应为 18 位');
  if (row.phone && !MOBILE.test(row.phone)) problems.push('手机号应为 11 位');
  if (!row.foundAt) problems.push('缺少发现地点');
  return problems;
}

/** Splits pasted text into rows; blank lines are ignored. */
export function parseImportText(text: string): ParseResult {
  const rows: ParsedRow[] = [];
  let headerSkipped = false;
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const cells = line.split(SEPARATOR).map((c) => c.trim());
    if (rows.length === 0 && !headerSkipped && isHeader(cells)) {
      headerSkipped = true;
      return;
    }
    const data: ImportRow = {
      name: cells[0] ?? '',
      idCardNumber: (cells[1] ?? '').replace(/\s+/g, '').toUpperCase(),
      foundAt: cells[3] ?? '',
    };
    const phone = (cells[2] ?? '').replace(/[\s-]+/g, '');
    if (phone) data.phone = phone;
    const notes = cells.slice(4).filter(Boolean).join('，');
    if (notes) data.notes = notes;
    rows.push({ row: rows.length + 1, line: index + 1, data, problems: problemsOf(data) });
  });
  return { rows, headerSkipped };
}

/** 身份证号 as the server masks it: first and last character only. */
export function maskIdCard(value: string): string {
  const chars = Array.from(value);
  return chars.length <= 2
    ? '*'.repeat(chars.length)
    : `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

/** Mobile as `138****5678`. */
export function maskPhone(value: string | undefined): string {
  if (!value) return '';
  const chars = Array.from(value);
  return chars.length <= 7
    ? '*'.repeat(chars.length)
    : `${chars.slice(0, 3).join('')}${'*'.repeat(chars.length - 7)}${chars.slice(-4).join('')}`;
}

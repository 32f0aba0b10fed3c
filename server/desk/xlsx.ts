/**
 * Writing the desk's .xlsx files with exceljs's streaming writer: rows are committed as they come
 * (an async iterable, so a 100,000-row list is read page by page and never held whole), to a
 * file in the function's /tmp. Chinese headers, 元 with two decimals, percentages to one decimal,
 * and a sheet of definitions so a forwarded file still says what each number counts.
 */
import ExcelJS from 'exceljs';

/** How a column's values are stored and shown. */
export type ColumnFormat = 'text' | 'count' | 'decimal' | 'yuan' | 'percent';

export interface Column {
  header: string;
  key: string;
  format: ColumnFormat;
  width?: number;
}

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

export interface Sheet {
  name: string;
  /** Lines above the table (title, node, period). */
  heading?: string[];
  columns: Column[];
  rows: Iterable<Row> | AsyncIterable<Row>;
}

const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: undefined,
  count: '0',
  decimal: '0.0',
  yuan: '#,##0.00',
  percent: '0.0%',
};

/**
 * A value as the cell holds it: fen become 元, permille become a fraction Excel shows as a
 * percentage. A value the figure could not have (an empty denominator) is written as its reason.
 */
function cellOf(format: ColumnFormat, value: Cell): Cell {
  if (value === null || typeof value === 'string') return value;
  if (format === 'yuan') return value / 100;
  if (format === 'percent') return value / 1000;
  return value;
}

export async function writeWorkbook(file: string, sheets: readonly Sheet[]): Promise<{ rows: number }> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: file, useStyles: true, useSharedStrings: false });
  workbook.creator = '流动先锋';
  workbook.created = new Date();
  let rows = 0;
  for (const sheet of sheets) {
    const heading = sheet.heading ?? [];
    // Frozen panes are given when the sheet is made: the streaming writer's `views` cannot be set later.
    const ws = workbook.addWorksheet(sheet.name, { views: [{ state: 'frozen', ySplit: heading.length + 1 }] });
    ws.columns = sheet.columns.map((c) => ({
      key: c.key,
      width: c.width ?? Math.max(10, c.header.length * 2 + 2),
      style: NUMBER_FORMATS[c.format] ? { numFmt: NUMBER_FORMATS[c.format] } : {},
    }));
    for (const line of heading) ws.addRow([line]).commit();
    const header = ws.addRow(sheet.columns.map((c) => c.header));
    header.font = { bold: true };
    header.commit();
    for await (const row of sheet.rows) {
      ws.addRow(Object.fromEntries(sheet.columns.map((c) => [c.key, cellOf(c.format, row[c.key] ?? null)]))).commit();
      rows += 1;
    }
    ws.commit();
  }
  await workbook.commit();
  return { rows };
}

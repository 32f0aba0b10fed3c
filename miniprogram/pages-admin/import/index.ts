/**
 * 摸排导入: paste the list community workers made (one person a line), check it on screen with
 * the numbers masked, send it, and see what became of each row: a bad row is shown in red and the
 * others are imported all the same.
 */
import type { ImportOutcome } from '../../../typings';
import { IMPORT_OUTCOME_LABELS } from '../../constants/secretary';
import { showCallError } from '../../services/cloud';
import { importFoundMembers } from '../../services/secretary';
import { confirmAction } from '../../utils/dialogs';
import { MAX_IMPORT_ROWS, maskIdCard, maskPhone, parseImportText, type ParsedRow } from './parse';

type Phase = 'input' | 'preview' | 'results';

interface PreviewRow {
  row: number;
  name: string;
  idMasked: string;
  phoneMasked: string;
  foundAt: string;
  notes: string;
  problems: string;
}

interface ResultRow {
  row: number;
  name: string;
  idMasked: string;
  outcome: ImportOutcome;
  outcomeLabel: string;
  message: string;
}

const OUTCOME_ORDER: readonly ImportOutcome[] = ['created', 'updated', 'linked_to_member', 'invalid'];

/** Parsed rows kept outside `data`: they hold the full numbers, which never go to the view. */
let parsed: ParsedRow[] = [];

function toPreview(r: ParsedRow): PreviewRow {
  return {
    row: r.row,
    name: r.data.name || '（无姓名）',
    idMasked: r.data.idCardNumber ? maskIdCard(r.data.idCardNumber) : '（无身份证号）',
    phoneMasked: maskPhone(r.data.phone),
    foundAt: r.data.foundAt,
    notes: r.data.notes ?? '',
    problems: r.problems.join('；'),
  };
}

Component({
  data: {
    scopeId: '',
    scopeName: '',
    phase: 'input' as Phase,
    text: '',
    parseError: '',
    preview: [] as PreviewRow[],
    warnCount: 0,
    headerSkipped: false,
    results: [] as ResultRow[],
    summary: '',
    busy: false,
    example: '张三，（18位身份证号），（11位手机号），兴隆社区某工地，木工\n李四，（18位身份证号），，殿前街道某快递站',
  },

  methods: {
    onLoad(query: Record<string, string | undefined>) {
      parsed = [];
      this.setData({
        scopeId: query.scopeId ? decodeURIComponent(query.scopeId) : '',
        scopeName: query.scopeName ? decodeURIComponent(query.scopeName) : '',
      });
    },

    onTextInput(event: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: event.detail.value, parseError: '' });
    },

    onCheck() {
      const { rows, headerSkipped } = parseImportText(this.data.text);
      if (rows.length === 0) {
        this.setData({ parseError: '没有读到名单。请把名单粘贴到上面的框里，一人一行。' });
        return;
      }
      if (rows.length > MAX_IMPORT_ROWS) {
        this.setData({ parseError: `一次最多导入 ${MAX_IMPORT_ROWS} 行，现在有 ${rows.length} 行，请分批导入。` });
        return;
      }
      parsed = rows;
      this.setData({
        phase: 'preview',
        preview: rows.map(toPreview),
        warnCount: rows.filter((r) => r.problems.length > 0).length,
        headerSkipped,
      });
      void wx.pageScrollTo({ scrollTop: 0, duration: 0 });
    },

    onEdit() {
      this.setData({ phase: 'input' });
    },

    async onSubmit(): Promise<void> {
      if (this.data.busy || parsed.length === 0) return;
      const ok = await confirmAction(
        '摸排导入',
        `确定把这 ${parsed.length} 行导入到“${this.data.scopeName}”吗？有误的行不会导入，其余照常导入。`,
        '确定导入',
      );
      if (!ok) return;
      this.setData({ busy: true });
      try {
        const results = await importFoundMembers(
          this.data.scopeId,
          parsed.map((r) => r.data),
        );
        const byRow = new Map(parsed.map((r) => [r.row, r]));
        const rows: ResultRow[] = [...results]
          .sort((a, b) => a.row - b.row)
          .map((r) => {
            const source = byRow.get(r.row);
            return {
              row: r.row,
              name: source?.data.name || '（无姓名）',
              idMasked: source?.data.idCardNumber ? maskIdCard(source.data.idCardNumber) : '',
              outcome: r.outcome,
              outcomeLabel: IMPORT_OUTCOME_LABELS[r.outcome] ?? r.outcome,
              message: r.message,
            };
          });
        const summary = OUTCOME_ORDER.map((o) => [o, rows.filter((r) => r.outcome === o).length] as const)
          .filter(([, n]) => n > 0)
          .map(([o, n]) => `${IMPORT_OUTCOME_LABELS[o]} ${n} 行`)
          .join('，');
        parsed = [];
        this.setData({ phase: 'results', results: rows, summary, preview: [], text: '' });
        void wx.pageScrollTo({ scrollTop: 0, duration: 0 });
      } catch (err) {
        await showCallError(err, '没有导入');
      } finally {
        this.setData({ busy: false });
      }
    },

    onAgain() {
      parsed = [];
      this.setData({ phase: 'input', text: '', results: [], summary: '', parseError: '' });
    },
  },
});

/** 导出表格 on the desk pages: one export at a time, the file opened to forward, a failure told in words. */
import type { ExportAsked } from '../../../typings/areas/desk';
import { toCallError } from '../../services/cloud';
import { exportAndOpen } from '../../services/desk';
import { tell } from '../../utils/dialogs';

interface Exporting {
  data: { exporting: boolean };
  setData(patch: { exporting: boolean }): void;
}

export async function exportFromPage(page: Exporting, nodeId: string, what: ExportAsked): Promise<void> {
  if (page.data.exporting) return;
  page.setData({ exporting: true });
  try {
    await exportAndOpen(nodeId, what);
  } catch (err) {
    await tell('导出没有成功', toCallError(err).message);
  } finally {
    page.setData({ exporting: false });
  }
}

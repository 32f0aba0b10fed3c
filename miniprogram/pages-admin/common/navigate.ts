/** Opening one of the desk's pages with its query, every value encoded. */
type DeskPage = 'desk' | 'ranking' | 'reports' | 'report' | 'drilldown';

export function openDeskPage(page: DeskPage, query: Record<string, string | number>): void {
  const q = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  void wx.navigateTo({ url: `/pages-admin/${page}/index?${q}` });
}

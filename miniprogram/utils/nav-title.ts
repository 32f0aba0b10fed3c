/**
 * The page title in WeChat's bar: the name of what is shown when it fits, else the page's own
 * title (the name then stands in the page). The bar between the back button and the capsule holds
 * about eight characters; WeChat cuts the rest with "…".
 */
export const NAV_TITLE_MAX = 8;

/** The title to show: `name` when it fits the bar, else `fallback`. */
export function navTitle(name: string, fallback: string): string {
  const length = [...name.trim()].length;
  return length > 0 && length <= NAV_TITLE_MAX ? name.trim() : fallback;
}

export function setNavTitle(name: string, fallback: string): void {
  void wx.setNavigationBarTitle({ title: navTitle(name, fallback) });
}

/** The number of to-dos on the 首页 tab, from the same `user.todos` answer as the strip. */

/** 首页 is the first tab (app.json). */
const HOME_TAB = 0;

/** Shows how many to-dos wait, or no badge when none; a failure (no tab bar on screen) changes nothing. */
export function showTodoBadge(count: number): void {
  const fail = () => undefined;
  if (count > 0) wx.setTabBarBadge({ index: HOME_TAB, text: count > 99 ? '99+' : String(count), fail });
  else wx.removeTabBarBadge({ index: HOME_TAB, fail });
}

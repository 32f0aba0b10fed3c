/**
 * Globals the mini-program runtime has and jsdom lacks (miniprogram-toolchain.md, pitfall 2):
 * TDesign calls getApp() in every component and getCurrentPages() in a few.
 */
const app = { globalData: {} };

Object.assign(globalThis, {
  getApp: () => app,
  getCurrentPages: () => [],
});

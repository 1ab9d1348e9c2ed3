export default definePageConfig({
  navigationBarTitleText: '分类',
  // 转发 and 分享到朋友圈 carry the member's share link and the category shown (usePageShare).
  enableShareAppMessage: true,
  enableShareTimeline: true,
  // The two panes scroll on their own; the page itself stays put.
  disableScroll: true,
});

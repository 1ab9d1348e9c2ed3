export default definePageConfig({
  navigationBarTitleText: '首页',
  // 转发 and 分享到朋友圈 carry the member's share link (usePageShare).
  enableShareAppMessage: true,
  enableShareTimeline: true,
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});

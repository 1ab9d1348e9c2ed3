export default definePageConfig({
  navigationBarTitleText: '领券中心',
  // 转发 and 分享到朋友圈 carry the member's share link (usePageShare).
  enableShareAppMessage: true,
  enableShareTimeline: true,
  enablePullDownRefresh: true,
});

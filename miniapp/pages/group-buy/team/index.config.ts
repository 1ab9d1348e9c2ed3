export default definePageConfig({
  navigationBarTitleText: '拼团详情',
  enablePullDownRefresh: true,
  // 转发 and 分享到朋友圈 carry the member's share link of the team (usePageShare).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

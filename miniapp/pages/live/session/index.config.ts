export default definePageConfig({
  navigationBarTitleText: '直播',
  enablePullDownRefresh: true,
  // 转发 and 分享到朋友圈 carry the member's share link of the session (usePageShare, kind live).
  enableShareAppMessage: true,
  enableShareTimeline: true,
});

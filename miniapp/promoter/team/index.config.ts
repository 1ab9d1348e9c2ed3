export default definePageConfig({
  navigationBarTitleText: '我的团队',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});

export default definePageConfig({
  navigationBarTitleText: '资金流水',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});

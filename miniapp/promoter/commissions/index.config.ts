export default definePageConfig({
  navigationBarTitleText: '佣金明细',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});

export default definePageConfig({
  navigationBarTitleText: '佣金提现',
  enablePullDownRefresh: true,
  onReachBottomDistance: 80,
});

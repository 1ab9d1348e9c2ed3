export default definePageConfig({
  navigationBarTitleText: '拼团专区',
  enablePullDownRefresh: true,
  onReachBottomDistance: 100,
});

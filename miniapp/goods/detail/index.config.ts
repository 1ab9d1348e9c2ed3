export default definePageConfig({
  navigationBarTitleText: '商品详情',
  // 转发 carries the member's share link (useProductShare).
  enableShareAppMessage: true,
});

export default definePageConfig({
  navigationBarTitleText: '分类',
  // The two panes scroll on their own; the page itself stays put.
  disableScroll: true,
});

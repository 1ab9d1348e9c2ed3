export default defineAppConfig({
  pages: ['pages/home/index', 'pages/category/index', 'pages/cart/index', 'pages/mine/index'],
  // Secondary pages load on demand, keeping the main package small (WeChat limits it to 2 MB; our budget is 1 MB).
  subPackages: [
    { root: 'goods', pages: ['search/index', 'detail/index'] },
    { root: 'account', pages: ['profile/index', 'settings/index'] },
    { root: 'member', pages: ['center/index', 'points/index'] },
    // The region data for the address picker (~150 KB) ships only with this subpackage.
    { root: 'address', pages: ['list/index', 'edit/index'] },
    { root: 'checkout', pages: ['index'] },
    { root: 'orders', pages: ['list/index', 'detail/index', 'after-sale/index'] },
    { root: 'coupons', pages: ['center/index', 'mine/index'] },
    { root: 'legal', pages: ['agreement/index', 'privacy/index'] },
    { root: 'promoter', pages: ['center/index', 'team/index', 'commissions/index', 'ledger/index', 'withdrawals/index'] },
    { root: 'invite', pages: ['index'] },
    { root: 'pages/group-buy', pages: ['index', 'team/index', 'mine/index'] },
    { root: 'pages/live', pages: ['index', 'session/index'] },
  ],
  // 小程序直播 rooms (pages/live/session opens them; App reads their share cards). Its size is not counted in ours.
  // WeChat answers 插件未授权使用 for a plugin the account has not added: such a shop builds with TARO_APP_LIVE_PLUGIN=off.
  ...(process.env.TARO_APP_LIVE_PLUGIN === 'off'
    ? {}
    : { plugins: { 'live-player-plugin': { version: '1.3.5', provider: 'wx2b03c6e691cd7370' } } }),
  // WeChat's privacy checks (wx.onNeedPrivacyAuthorization) answer through our consent dialog (platform/).
  __usePrivacyCheck__: true,
  // WeChat refuses wx.chooseAddress (一键导入微信地址) unless the app declares it.
  requiredPrivateInfos: ['chooseAddress'],
  preloadRule: {
    'pages/home/index': { network: 'all', packages: ['goods'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ffffff',
    // Fixed at build time (the shop's name from GET /shop/profile replaces SHOP_NAME in copy, not here).
    navigationBarTitleText: '山野茶事',
    navigationBarTextStyle: 'black',
    backgroundColor: '#f5f5f5',
  },
  tabBar: {
    color: '#7a7e83',
    selectedColor: '#fa2c19',
    backgroundColor: '#ffffff',
    borderStyle: 'black',
    list: [
      {
        pagePath: 'pages/home/index',
        text: '首页',
        iconPath: 'assets/tabbar/home.png',
        selectedIconPath: 'assets/tabbar/home-active.png',
      },
      {
        pagePath: 'pages/category/index',
        text: '分类',
        iconPath: 'assets/tabbar/category.png',
        selectedIconPath: 'assets/tabbar/category-active.png',
      },
      {
        pagePath: 'pages/cart/index',
        text: '购物车',
        iconPath: 'assets/tabbar/cart.png',
        selectedIconPath: 'assets/tabbar/cart-active.png',
      },
      {
        pagePath: 'pages/mine/index',
        text: '我的',
        iconPath: 'assets/tabbar/mine.png',
        selectedIconPath: 'assets/tabbar/mine-active.png',
      },
    ],
  },
});

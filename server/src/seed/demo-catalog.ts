import type { AdminShopProfile, SpecDimension, StorefrontPageKey } from '../../../shared';
import type { Motif, Palette } from './svg-art';

/** The demo store: 山野茶事, a tea and tea-snack brand. Prices are integer fen. */
export const BRAND = '山野茶事';

/** The demo shop's profile: customer service and where returns go. */
export const DEMO_PROFILE: AdminShopProfile = {
  shopName: BRAND,
  logoUrl: null,
  servicePhone: '400-820-1688',
  serviceHours: '每天 9:00–21:00',
  announcement: '新人首单领 10 元券，满 99 元包邮，48 小时内发货',
  returnAddress: { recipientName: '山野茶事售后组', phone: '0571-8888-6666', address: '浙江省杭州市西湖区龙井路 88 号山野茶事仓库' },
};

export interface DemoProduct {
  title: string;
  subtitle: string;
  tags: string[];
  /** Price of the first combination; the others follow from the spec price steps. */
  basePriceFen: number;
  /** 基础销量 (the storefront adds real sales to it). */
  baseSalesCount: number;
  /** Every SKU out of stock. */
  soldOut?: boolean;
  story: string;
}

export interface DemoSpecs {
  specs: SpecDimension[];
  /** Added to the base price per value index, per dimension (fen). */
  priceSteps: number[][];
}

export interface DemoCategory {
  name: string;
  motif: Motif;
  palette: Palette;
  specs: DemoSpecs;
  children: { name: string; products: DemoProduct[] }[];
}

const TEA_SIZES: DemoSpecs = {
  specs: [
    { name: '规格', values: ['50g 品鉴罐', '100g 家常罐', '250g 礼盒装'] },
    { name: '等级', values: ['一级', '特级'] },
  ],
  priceSteps: [
    [0, 6000, 19000],
    [0, 3000],
  ],
};

export const DEMO_CATEGORIES: DemoCategory[] = [
  {
    name: '名优绿茶',
    motif: 'leaf',
    palette: { from: '#e3f2d9', to: '#b9dca4', accent: '#4f8a3c', ink: '#24461b' },
    specs: TEA_SIZES,
    children: [
      {
        name: '西湖龙井',
        products: [
          { title: '明前西湖龙井', subtitle: '狮峰山头采 · 豆香浓郁', tags: ['明前', '热卖'], basePriceFen: 8800, baseSalesCount: 3260, story: '清明前采摘一芽一叶初展，手工青锅、辉锅，扁平挺直，糙米色带嫩绿，入口鲜爽，回甘带兰豆香。' },
          { title: '雨前龙井', subtitle: '口粮好茶 · 鲜醇耐泡', tags: ['口粮茶'], basePriceFen: 4800, baseSalesCount: 5120, story: '谷雨前采摘，滋味比明前更厚实，价格亲民，适合办公室每天一杯。' },
        ],
      },
      {
        name: '碧螺春',
        products: [
          { title: '洞庭碧螺春', subtitle: '卷曲如螺 · 花果香', tags: ['新品'], basePriceFen: 7600, baseSalesCount: 1890, story: '产自太湖东山，茶果间作，条索纤细卷曲呈螺，白毫显露，汤色嫩绿明亮。' },
          { title: '碧螺春新芽', subtitle: '早春嫩芽 · 清甜', tags: [], basePriceFen: 5900, baseSalesCount: 980, soldOut: true, story: '早春第一批嫩芽，产量少，售完即止。' },
        ],
      },
      {
        name: '黄山毛峰',
        products: [
          { title: '黄山毛峰', subtitle: '高山云雾 · 兰香幽长', tags: ['高山茶'], basePriceFen: 5200, baseSalesCount: 2210, story: '黄山高海拔茶园，形似雀舌，白毫披身，冲泡后兰香持久。' },
          { title: '太平猴魁', subtitle: '两刀一枪 · 猴韵独特', tags: ['名茶'], basePriceFen: 12800, baseSalesCount: 760, story: '扁平挺直、魁伟重实，叶脉绿中隐红，滋味鲜爽醇厚，有独特“猴韵”。' },
        ],
      },
    ],
  },
  {
    name: '乌龙岩茶',
    motif: 'cup',
    palette: { from: '#f6e7d3', to: '#e2b98c', accent: '#9a5b2a', ink: '#4d2a10' },
    specs: TEA_SIZES,
    children: [
      {
        name: '武夷岩茶',
        products: [
          { title: '武夷大红袍', subtitle: '岩骨花香 · 焙火醇厚', tags: ['热卖', '岩茶'], basePriceFen: 9800, baseSalesCount: 4380, story: '正岩产区，传统炭焙，汤色橙黄明亮，岩韵明显，七泡有余香。' },
          { title: '正岩肉桂', subtitle: '桂皮辛香 · 霸气十足', tags: ['岩茶'], basePriceFen: 11800, baseSalesCount: 2640, story: '肉桂以香气辛锐著称，入口饱满，回甘迅猛，是岩茶爱好者的心头好。' },
          { title: '老枞水仙', subtitle: '枞味木质香 · 温润', tags: [], basePriceFen: 8600, baseSalesCount: 1320, story: '五十年以上老茶树，带青苔与木质香，汤感绵滑温和。' },
        ],
      },
      {
        name: '铁观音',
        products: [
          { title: '清香铁观音', subtitle: '兰花香 · 观音韵', tags: ['口粮茶'], basePriceFen: 4200, baseSalesCount: 6020, story: '安溪传统工艺，颗粒紧结，兰花香高扬，汤色金黄清澈。' },
          { title: '浓香铁观音', subtitle: '炭焙熟香 · 暖胃', tags: [], basePriceFen: 5600, baseSalesCount: 1450, story: '经传统炭火慢焙，熟果香与焙火香交融，秋冬饮用尤佳。' },
        ],
      },
      {
        name: '凤凰单丛',
        products: [
          { title: '蜜兰香单丛', subtitle: '蜜韵兰香 · 高香型', tags: ['新品', '高香'], basePriceFen: 7800, baseSalesCount: 1730, story: '潮州凤凰山单株采制，蜜香与兰花香交织，冷后仍香。' },
          { title: '鸭屎香单丛', subtitle: '银花香 · 名字土味道高', tags: ['网红'], basePriceFen: 6800, baseSalesCount: 3980, story: '其实是银花香，清甜柔和，新手也容易喝懂的一款单丛。' },
        ],
      },
    ],
  },
  {
    name: '红茶黑茶',
    motif: 'cup',
    palette: { from: '#f7dcd6', to: '#d98c7c', accent: '#8e2f24', ink: '#45140e' },
    specs: TEA_SIZES,
    children: [
      {
        name: '正山小种',
        products: [
          { title: '桐木关正山小种', subtitle: '松烟桂圆香 · 甜润', tags: ['热卖'], basePriceFen: 6600, baseSalesCount: 3540, story: '武夷山桐木关原产地，松木熏焙，桂圆汤味，加奶也好喝。' },
          { title: '金骏眉', subtitle: '全芽头 · 花蜜香', tags: ['礼赠'], basePriceFen: 15800, baseSalesCount: 1210, story: '单芽制作，金黄黑相间，汤色金黄，花果蜜香浓郁。' },
        ],
      },
      {
        name: '滇红',
        products: [
          { title: '滇红金芽', subtitle: '满披金毫 · 焦糖甜香', tags: [], basePriceFen: 5800, baseSalesCount: 2080, story: '云南凤庆大叶种，金毫显露，汤色红艳，滋味浓强鲜爽。' },
          { title: '古树滇红', subtitle: '百年古树 · 蜜甜耐泡', tags: ['古树'], basePriceFen: 8800, baseSalesCount: 640, soldOut: true, story: '临沧百年古树原料，蜜香持久，十泡犹甜。' },
        ],
      },
      {
        name: '普洱茶',
        products: [
          { title: '易武古树生普', subtitle: '2023 春茶 · 柔甜', tags: ['可存放'], basePriceFen: 16800, baseSalesCount: 890, story: '易武产区古树春茶，口感柔顺，香气幽雅，适合长期存放转化。' },
          { title: '宫廷熟普', subtitle: '红浓明亮 · 暖胃养身', tags: ['口粮茶'], basePriceFen: 3900, baseSalesCount: 4410, story: '勐海渥堆工艺，汤色红浓，陈香纯正，饭后一杯解腻暖胃。' },
        ],
      },
    ],
  },
  {
    name: '花草茶饮',
    motif: 'flower',
    palette: { from: '#fbe4ee', to: '#f0aac8', accent: '#c2467c', ink: '#5a1634' },
    specs: {
      specs: [
        { name: '规格', values: ['10 袋装', '30 袋装'] },
        { name: '口味', values: ['原味', '加蜂蜜'] },
      ],
      priceSteps: [
        [0, 3600],
        [0, 600],
      ],
    },
    children: [
      {
        name: '花果茶',
        products: [
          { title: '茉莉花茶', subtitle: '七窨一提 · 鲜灵', tags: ['热卖'], basePriceFen: 2900, baseSalesCount: 7260, story: '广西横县茉莉与福州烘青七次窨制，花香鲜灵持久。' },
          { title: '桂花乌龙', subtitle: '金桂飘香 · 甜而不腻', tags: ['新品'], basePriceFen: 3500, baseSalesCount: 2850, story: '秋日金桂与台式乌龙窨制，入口桂香满溢。' },
          { title: '玫瑰红茶', subtitle: '重瓣玫瑰 · 温柔花香', tags: [], basePriceFen: 3200, baseSalesCount: 1960, story: '平阴重瓣玫瑰搭配滇红，花香与蜜甜相得益彰。' },
        ],
      },
      {
        name: '冷泡茶',
        products: [
          { title: '白桃乌龙冷泡茶', subtitle: '冷水 2 小时 · 清爽', tags: ['夏季', '网红'], basePriceFen: 3900, baseSalesCount: 8930, story: '冷水冲泡两小时即可饮用，白桃果香清甜，夏日必备。' },
          { title: '柠檬绿茶冷泡茶', subtitle: '酸甜解腻 · 0 糖', tags: ['0 糖'], basePriceFen: 3600, baseSalesCount: 3210, story: '冻干柠檬片与绿茶搭配，酸甜清爽，不添加糖。' },
        ],
      },
    ],
  },
  {
    name: '茶点零食',
    motif: 'snack',
    palette: { from: '#fff1cc', to: '#f5c96a', accent: '#b87a12', ink: '#4f3305' },
    specs: {
      specs: [
        { name: '规格', values: ['小袋 80g', '大袋 200g'] },
        { name: '口味', values: ['原味', '椒盐', '蜂蜜'] },
      ],
      priceSteps: [
        [0, 1800],
        [0, 0, 300],
      ],
    },
    children: [
      {
        name: '坚果炒货',
        products: [
          { title: '碧根果仁', subtitle: '颗颗饱满 · 奶香酥脆', tags: ['热卖'], basePriceFen: 1990, baseSalesCount: 9620, story: '精选美国碧根果，去壳取仁低温烘烤，奶香浓郁。' },
          { title: '手剥山核桃', subtitle: '临安山核桃 · 开口易剥', tags: [], basePriceFen: 2590, baseSalesCount: 4130, story: '临安原产小核桃，手工开口，一捏就开。' },
          { title: '蟹黄瓜子仁', subtitle: '咸香下茶 · 追剧必备', tags: ['下午茶'], basePriceFen: 1290, baseSalesCount: 6540, story: '瓜子仁裹蟹黄味酥衣，咸香酥脆，配茶刚刚好。' },
        ],
      },
      {
        name: '糕点酥饼',
        products: [
          { title: '抹茶绿豆糕', subtitle: '入口即化 · 不甜腻', tags: ['新品'], basePriceFen: 2290, baseSalesCount: 3380, story: '宇治抹茶与去皮绿豆沙，口感细腻，甜度刚好。' },
          { title: '桂花糕', subtitle: '江南风味 · 软糯清香', tags: [], basePriceFen: 1890, baseSalesCount: 2760, story: '糯米粉与糖桂花蒸制，软糯清香，配绿茶最宜。' },
          { title: '凤梨酥', subtitle: '酥皮金黄 · 果香浓', tags: ['礼赠'], basePriceFen: 2990, baseSalesCount: 1870, soldOut: true, story: '土凤梨馅带果肉纤维，酸甜适口，酥皮奶香。' },
        ],
      },
      {
        name: '果干蜜饯',
        products: [
          { title: '冻干草莓脆', subtitle: '整颗冻干 · 酸甜酥脆', tags: ['0 添加'], basePriceFen: 2490, baseSalesCount: 5210, story: '整颗草莓真空冻干，保留原色原味，不添加糖和防腐剂。' },
          { title: '九制陈皮', subtitle: '新会柑皮 · 生津润喉', tags: [], basePriceFen: 1690, baseSalesCount: 2980, story: '新会柑皮九蒸九晒，甘香微咸，含一片生津润喉。' },
        ],
      },
    ],
  },
  {
    name: '茶器礼盒',
    motif: 'gift',
    palette: { from: '#dfe8f5', to: '#9fb7dc', accent: '#34558b', ink: '#14284a' },
    specs: {
      specs: [{ name: '款式', values: ['素雅白', '青瓷绿', '墨玉黑'] }],
      priceSteps: [[0, 2000, 3000]],
    },
    children: [
      {
        name: '茶具',
        products: [
          { title: '白瓷盖碗套装', subtitle: '德化白瓷 · 一碗四杯', tags: ['新手入门'], basePriceFen: 12800, baseSalesCount: 1430, story: '德化高白瓷，胎薄釉润，出汤利落，附收纳布袋。' },
          { title: '便携旅行茶具', subtitle: '一壶三杯 · 快客杯', tags: ['出行'], basePriceFen: 8900, baseSalesCount: 2370, story: '户外、出差随身带，一壶三杯收纳成一只小包。' },
        ],
      },
      {
        name: '节日礼盒',
        products: [
          { title: '四季名茶礼盒', subtitle: '龙井·大红袍·金骏眉·白茶', tags: ['礼赠', '热卖'], basePriceFen: 36800, baseSalesCount: 1980, story: '四款名茶各一罐，木纹礼盒配手提袋，送长辈送客户都体面。' },
          { title: '茶点下午茶礼盒', subtitle: '两茶三点 · 伴手礼', tags: ['礼赠'], basePriceFen: 19800, baseSalesCount: 1260, story: '两款花茶搭配三款茶点，一盒就是一场下午茶。' },
        ],
      },
    ],
  },
];

/** Each opens its product, else the storefront page, else its category. */
export const DEMO_BANNERS: { title: string; tagline: string; categoryIndex: number; productTitle?: string; page?: StorefrontPageKey }[] = [
  { title: '春茶上新', tagline: '明前龙井 · 头采鲜爽 · 限量发售', categoryIndex: 0, productTitle: '明前西湖龙井' },
  { title: '夏日冷泡', tagline: '冷水两小时 · 白桃乌龙清甜上市', categoryIndex: 3, productTitle: '白桃乌龙冷泡茶' },
  { title: '茶点下午茶', tagline: '好茶配好点 · 满 99 包邮', categoryIndex: 4 },
  { title: '领券再下单', tagline: '满减券、折扣券 · 领券中心天天领', categoryIndex: 1, page: 'coupon_center' },
];

import { PRIVACY_POLICY_VERSION } from '@shared/privacy';

/**
 * The 用户协议 and the 隐私政策 as shoppers read them. They describe what the server actually stores (members,
 * addresses, orders, after-sales, coupons, points, subscriptions, attribution): when that changes, change
 * this text (and the consent dialog's summary, components/privacy-consent/privacy-summary.ts) and bump
 * PRIVACY_POLICY_VERSION in shared/privacy.ts, so every member is asked again.
 */
export interface LegalDocument {
  title: string;
  intro: string;
  sections: { heading: string; paragraphs: string[] }[];
}

/** The shop's customer service as the documents quote it (from the shop profile). */
export interface LegalContact {
  shopName: string;
  servicePhone: string | null;
  serviceHours: string | null;
}

export const LEGAL_VERSION_TEXT = `版本 ${PRIVACY_POLICY_VERSION}`;

function contactLine({ servicePhone, serviceHours }: LegalContact): string {
  if (!servicePhone) return '你可以在小程序「我的 → 联系客服」与我们联系。';
  return `你可以拨打客服电话 ${servicePhone}${serviceHours ? `（${serviceHours}）` : ''}，或在「我的 → 联系客服」与我们联系。`;
}

export function privacyPolicy(contact: LegalContact): LegalDocument {
  const shop = contact.shopName;
  return {
    title: '隐私政策',
    intro: `${shop}（下称“我们”）非常重视你的个人信息保护。本政策说明你使用${shop}微信小程序时，我们收集哪些信息、为什么收集、如何使用和保护，以及你享有的权利。请你仔细阅读；你点击“同意”即表示你已理解并同意本政策。`,
    sections: [
      {
        heading: '一、我们收集的信息与用途',
        paragraphs: [
          '1. 微信身份标识：你登录时，我们通过微信获取你在本小程序的 openid（微信提供时还有 unionid），用于创建和识别你的会员账号，并记录注册和最近登录时间。',
          '2. 昵称和头像：只有当你在「编辑资料」中填写昵称或选择头像时，我们才保存它们，用于在「我的」页面显示。头像图片保存在我们的服务器上。',
          '3. 手机号：只有当你点击「绑定手机号」并在微信中同意授权后，我们才获取并保存你的手机号，用于订单联系和会员服务。店员后台中，只有店主和客服能看到完整号码，其他岗位只能看到遮盖后的号码。',
          '4. 收货地址：你保存的收货人姓名、手机号、所在地区和详细地址，用于配送；下单时，所选地址会复制到订单中。',
          '5. 订单和交易信息：你购买的商品、规格、数量、价格、使用的优惠券和积分、运费、订单备注、下单和付款时间、微信支付交易单号、物流公司和运单号、取消与退款记录，用于完成交易、发货、售后和对账。',
          '6. 售后信息：申请售后时，你选择的原因、填写的说明和上传的照片，用于处理你的售后申请。',
          '7. 会员权益信息：会员等级、积分及其变动记录、优惠券的领取和使用记录，以及根据你的订单计算的消费统计（如累计实付金额、下单次数和时间），用于计算等级、积分和优惠，并提醒你可能需要的复购。',
          '8. 购物车：你加入购物车的商品和数量，便于你在不同设备上继续购物。',
          '9. 来源信息：如果你通过分享链接、渠道码或直播间打开小程序，链接中的推荐人、渠道或直播间编号会保存在你的设备上，并在你下单时记入订单，用于统计推广效果。你同意本政策后，小程序会在本机生成一个随机编号（不是手机的设备识别码），把这台设备首次和最近一次从哪个链接或渠道进入记在这个编号下，登录后并入你的会员账号。',
          '10. 订阅消息：你同意接收的订单通知（如支付成功、发货、退款结果）及剩余可发送次数，用于按你的选择发送通知。',
          '11. 服务日志：为保障服务安全和排查故障，服务器会记录每次请求的时间、地址、结果和耗时。',
          '我们不会收集你的位置、通讯录、手机的设备识别码（如 IMEI）或剪贴板内容。如我们需要将信息用于本政策未载明的其他用途，会事先征得你的同意。',
        ],
      },
      {
        heading: '二、设备权限与本地存储',
        paragraphs: [
          '选择头像或上传售后照片时，小程序会在你操作后使用相册或相机，只读取你选中的图片。拨打客服电话时会调用系统拨号。',
          '你的登录凭证、来源信息和你同意的政策版本保存在你的设备上（微信小程序本地存储），退出登录会清除登录凭证。',
        ],
      },
      {
        heading: '三、我们如何共享信息',
        paragraphs: [
          '1. 微信：登录、获取手机号、微信支付、订阅消息和发货信息上报通过微信提供的接口完成，相关信息（如 openid、订单号、金额、运单号）会按微信的规则传给微信。',
          '2. 快递公司：为配送你的订单，收货人姓名、电话和地址会提供给承运的快递公司。',
          '除上述情形和法律法规要求外，我们不会向第三方出售、出租或提供你的个人信息。',
        ],
      },
      {
        heading: '四、信息的存储和保护',
        paragraphs: [
          '你的信息存储在本店的服务器上。店员只能按岗位权限查看完成工作所需的信息，读取你的个人信息的接口都需要身份验证。',
          '我们在实现上述目的所需的期限内保存你的信息；订单和交易记录按法律规定的期限保存。',
        ],
      },
      {
        heading: '五、你的权利',
        paragraphs: [
          '你可以随时在「编辑资料」中修改昵称和头像，在「收货地址」中修改或删除地址，在「我的 → 设置」中退出登录。',
          `如需查询、复制、更正或删除你的个人信息，或注销会员账号，请联系我们，我们会在核实身份后 15 个工作日内处理。${contactLine(contact)}`,
        ],
      },
      {
        heading: '六、未成年人',
        paragraphs: ['如果你是未满 14 周岁的未成年人，请在监护人的陪同和同意下使用本小程序。'],
      },
      {
        heading: '七、本政策的更新',
        paragraphs: [
          `本政策当前为${LEGAL_VERSION_TEXT}。我们收集的信息或使用目的发生变化时会更新本政策，并在你下次打开小程序时请你重新阅读和同意；你不同意的，可以退出登录，以访客身份浏览。`,
        ],
      },
      {
        heading: '八、联系我们',
        paragraphs: [contactLine(contact)],
      },
    ],
  };
}

export function userAgreement(contact: LegalContact): LegalDocument {
  const shop = contact.shopName;
  return {
    title: '用户协议',
    intro: `欢迎使用${shop}微信小程序。本协议是你与${shop}之间关于使用本小程序购物和会员服务的约定。你点击“同意”或登录，即表示你已阅读并同意本协议和《隐私政策》。`,
    sections: [
      {
        heading: '一、账号',
        paragraphs: [
          '你通过微信登录成为本店会员，每个微信账号对应一个会员账号。请妥善保管你的微信账号，通过你的账号进行的操作视为你本人的操作。',
        ],
      },
      {
        heading: '二、商品与订单',
        paragraphs: [
          '商品的价格、库存和优惠以提交订单时页面显示和服务端计算的结果为准。订单提交后请在页面显示的时间内付款，超时未付款的订单会自动取消，已使用的优惠券和积分原样退回。',
          '付款成功即视为订单成立。我们会尽快发货，发货后你可以在订单详情查看物流信息；发货后超过约定时间未确认收货的，系统会自动确认收货。',
        ],
      },
      {
        heading: '三、售后与退款',
        paragraphs: [
          '符合条件的订单可以在订单详情中申请售后。退款按原支付方式退回；付款后发生退款的，已使用的优惠券不退回，积分按规则处理。',
        ],
      },
      {
        heading: '四、会员、积分与优惠券',
        paragraphs: [
          '会员等级、积分和优惠券的获得与使用规则以「会员中心」和优惠券上的说明为准。优惠券和积分不能兑换现金，不得转让或用于违规牟利。',
        ],
      },
      {
        heading: '五、使用规范',
        paragraphs: [
          '你不得利用本小程序从事违法活动，不得以不正当手段获取优惠、恶意下单或干扰系统运行。违反本协议的，我们可以取消相关订单、收回相关权益或限制账号使用。',
        ],
      },
      {
        heading: '六、个人信息',
        paragraphs: ['我们按照《隐私政策》收集和使用你的个人信息，请你仔细阅读。'],
      },
      {
        heading: '七、协议的变更与联系我们',
        paragraphs: [
          `本协议当前为${LEGAL_VERSION_TEXT}，更新后会请你重新阅读和同意。${contactLine(contact)}`,
        ],
      },
    ],
  };
}

// Kept apart from the full documents (miniapp/legal/, a subpackage) so the main package carries only this.
/** What the consent dialog summarises before the first login (the full list is in the 隐私政策). */
export const PRIVACY_SUMMARY = [
  '登录时通过微信获取你在本小程序的身份标识（openid），用于识别你的会员账号；',
  '你填写或授权后，保存昵称、头像和手机号；',
  '下单与配送需要收货地址和订单信息；申请售后时保存你上传的照片；',
  '同意后用本机生成的随机编号记录你从哪个分享链接进入；不收集你的位置、通讯录或手机的设备识别码。',
];

import { decryptSensitiveField } from '../../wechat/pay/wechat-pay-crypto';
import { TRANSFER_USER_NAME_REQUIRED_FROM_FEN } from '../../wechat/pay/wechat-transfer.types';
import type { FakeRequest, FakeRoute } from '../fake-router';
import type { FakeWechatState } from '../fake-wechat-state';
import type { FakeWechatPay } from '../pay/fake-wechat-pay';
import { payError } from '../pay/pay-answers';
import type { FakeTransferRequest } from '../pay/fake-transfers';
import { isNotifyUrl, v3Route } from './pay.routes';

const BILLS = '/v3/fund-app/mch-transfer/transfer-bills';
const OUT_BILL_NO = /^[0-9A-Za-z]{1,32}$/;
const OPENID = /^[0-9A-Za-z_-]{1,64}$/;
/** 单笔最低 0.1 元; the fake merchant's 单笔转账额度 is 2 万元. */
const MIN_FEN = 10;
const MAX_FEN = 2_000_000;

/** Scenes the fake merchant has opened, the report items each requires and the 用户收款感知 it may show. */
const SCENES: Record<string, { report: string[]; perceptions: string[] }> = {
  '1000': { report: ['活动名称', '奖励说明'], perceptions: ['活动奖励', '现金奖励'] },
  '1005': { report: ['岗位类型', '报酬说明'], perceptions: ['劳务报酬', '报销款', '企业补贴', '开工利是'] },
};

type Refusal = { status: number; code: string; message: string };
const refuse = (status: number, code: string, message: string): Refusal => ({ status, code, message });

function chars(value: unknown): number {
  return typeof value === 'string' ? [...value].length : -1;
}

/** Checks a create body as WeChat does; answers the request the fake then creates, or the refusal. */
function transferRequest(request: FakeRequest, state: FakeWechatState, pay: FakeWechatPay): FakeTransferRequest | Refusal {
  const body = request.body;
  if (!body) return refuse(400, 'PARAM_ERROR', '请求体不是 JSON');
  if (body.appid !== state.appid) return refuse(400, 'PARAM_ERROR', 'appid 与商户号未绑定');
  if (typeof body.out_bill_no !== 'string' || !OUT_BILL_NO.test(body.out_bill_no)) return refuse(400, 'PARAM_ERROR', 'out_bill_no 须为 1-32 位数字或字母');
  const scene = typeof body.transfer_scene_id === 'string' ? SCENES[body.transfer_scene_id] : undefined;
  if (!scene) return refuse(403, 'NO_AUTH', '商户号未开通该转账场景，请前往商户平台申请');
  if (typeof body.openid !== 'string' || !OPENID.test(body.openid)) return refuse(400, 'PARAM_ERROR', 'openid 格式不正确');
  const amount = body.transfer_amount;
  if (!Number.isInteger(amount)) return refuse(400, 'PARAM_ERROR', 'transfer_amount 须为整数（分）');
  if ((amount as number) < MIN_FEN || (amount as number) > MAX_FEN) return refuse(400, 'INVALID_REQUEST', '超过单笔转账上下限，核实产品设置是否准确');
  if (chars(body.transfer_remark) < 1 || chars(body.transfer_remark) > 32) return refuse(400, 'PARAM_ERROR', 'transfer_remark 须为 1-32 个字符');
  if (body.notify_url !== undefined && !isNotifyUrl(body.notify_url)) return refuse(400, 'PARAM_ERROR', 'notify_url 须为不带参数的 http(s) 地址');
  const infos = Array.isArray(body.transfer_scene_report_infos) ? (body.transfer_scene_report_infos as Array<Record<string, unknown>>) : [];
  const reported = (type: string) => infos.some((info) => info?.info_type === type && chars(info.info_content) >= 1 && chars(info.info_content) <= 32);
  if (!scene.report.every(reported)) return refuse(400, 'PARAM_ERROR', `需传入转账场景报备信息（${scene.report.join('、')}），请检查`);
  const perception = body.user_recv_perception;
  if (perception !== undefined && !scene.perceptions.includes(perception as string)) return refuse(400, 'INVALID_REQUEST', '暂不支持展示当前传入的用户收款感知');

  const userName = body.user_name;
  if (userName === undefined) {
    if ((amount as number) >= TRANSFER_USER_NAME_REQUIRED_FROM_FEN) return refuse(400, 'PARAM_ERROR', '转账金额 >= 2000 元时，必须传入收款用户姓名 user_name');
  } else {
    if (request.raw.headers['wechatpay-serial'] !== pay.merchant.platformSerial) {
      return refuse(400, 'PARAM_ERROR', '加密敏感信息须在 Wechatpay-Serial 中传入微信支付公钥 ID');
    }
    try {
      if (typeof userName !== 'string' || !decryptSensitiveField(userName, pay.platformPrivateKey)) throw new Error('empty');
    } catch {
      return refuse(400, 'PARAM_ERROR', 'user_name 解密失败，请使用微信支付公钥加密');
    }
  }
  return {
    outBillNo: body.out_bill_no,
    sceneId: body.transfer_scene_id as string,
    openid: body.openid,
    amountFen: amount as number,
    remark: body.transfer_remark as string,
    notifyUrl: (body.notify_url as string | undefined) ?? null,
    userNameCipher: (userName as string | undefined) ?? null,
    userRecvPerception: (perception as string | undefined) ?? null,
  };
}

/** WeChat Pay 商家转账 (user-confirmation mode): create, query by out_bill_no or transfer_bill_no, cancel. */
export const transferRoutes: FakeRoute[] = [
  v3Route('POST', BILLS, (request, pay, state) => {
    const checked = transferRequest(request, state, pay);
    if ('code' in checked) return pay.signed(payError(checked.status, checked.code, checked.message));
    return pay.transfers.create(checked);
  }),
  v3Route('GET', `${BILLS}/out-bill-no/:outBillNo`, (request, pay) => {
    const bill = pay.transfers.bill(request.params.outBillNo);
    return pay.signed(bill ? { body: pay.transfers.answer(bill) } : payError(404, 'NOT_FOUND', '记录不存在'));
  }),
  v3Route('GET', `${BILLS}/transfer-bill-no/:transferBillNo`, (request, pay) => {
    const bill = pay.transfers.billByTransferNo(request.params.transferBillNo);
    return pay.signed(bill ? { body: pay.transfers.answer(bill) } : payError(404, 'NOT_FOUND', '记录不存在'));
  }),
  v3Route('POST', `${BILLS}/out-bill-no/:outBillNo/cancel`, (request, pay) => pay.transfers.cancel(request.params.outBillNo)),
];

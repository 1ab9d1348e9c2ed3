import { generateKeyPairSync } from 'node:crypto';
import { WechatPayApiError, WechatPayResponseRejected, WechatPayUnreachableError, WechatTransferInvalidInput, WechatTransferOutcomeUnknown } from './wechat-pay-errors';
import { WechatPayClient } from './wechat-pay.client';
import { transferFailure, WechatTransferClient, type TransferBillInput } from './wechat-transfer.client';
import { commissionSceneReport, isFinalTransferState, TRANSFER_SCENE_COMMISSION, TRANSFER_STATES } from './wechat-transfer.types';

describe('transferFailure: what a caller may conclude from a failed transfer call', () => {
  it.each([
    ['PARAM_ERROR', 400],
    ['INVALID_REQUEST', 400],
    ['NO_AUTH', 403],
    ['NOT_ENOUGH', 403],
    ['NOT_FOUND', 404],
    ['FREQUENCY_LIMITED', 429],
    ['SOMETHING_NEW', 400],
  ])('a create answered %s (%i) is "outcome unknown": a bill may exist under the out_bill_no (e.g. INVALID_REQUEST 单号已存在但信息不一致)', (code, status) => {
    const error = new WechatPayApiError('transfer create', status, code, '…');
    const mapped = transferFailure('transfer create', error);
    expect(mapped).toBeInstanceOf(WechatTransferOutcomeUnknown);
    expect((mapped as WechatTransferOutcomeUnknown).failure).toBe(error);
  });

  it.each([
    ['transfer query', 'NOT_FOUND', 404],
    ['transfer query', 'PARAM_ERROR', 400],
    ['transfer cancel', 'INVALID_REQUEST', 400],
    ['transfer cancel', 'NOT_FOUND', 404],
    ['transfer cancel', 'FREQUENCY_LIMITED', 429],
  ] as const)('keeps the documented refusal of a %s, %s (%i), as a WechatPayApiError (nothing moves money there)', (api, code, status) => {
    const error = new WechatPayApiError(api, status, code, '…');
    expect(transferFailure(api, error)).toBe(error);
  });

  it.each([
    ['a 500 SYSTEM_ERROR', new WechatPayApiError('transfer cancel', 500, 'SYSTEM_ERROR', '系统错误')],
    ['a 5xx with a documented code', new WechatPayApiError('transfer cancel', 503, 'PARAM_ERROR', '…')],
    ['an error code WeChat does not document', new WechatPayApiError('transfer cancel', 400, 'SOMETHING_NEW', '…')],
    ['a timeout or lost connection', new WechatPayUnreachableError('transfer cancel: The operation was aborted due to timeout')],
    ['an answer without a valid signature', new WechatPayResponseRejected('transfer cancel: BAD_SIGNATURE')],
  ])('turns %s into WechatTransferOutcomeUnknown, keeping what happened', (_what, error) => {
    const mapped = transferFailure('transfer cancel', error);
    expect(mapped).toBeInstanceOf(WechatTransferOutcomeUnknown);
    expect((mapped as WechatTransferOutcomeUnknown).failure).toBe(error);
    expect((mapped as Error).message).toContain('query the bill first');
  });

  it('passes any other error through (a bug is not a WeChat outcome)', () => {
    const bug = new TypeError('x is undefined');
    expect(transferFailure('transfer create', bug)).toBe(bug);
  });
});

describe('WechatTransferClient input checks', () => {
  const platform = generateKeyPairSync('rsa', { modulusLength: 2048 });
  // Nothing listens there: a request that were sent would fail as "outcome unknown", not as invalid input.
  const client = new WechatTransferClient(
    new WechatPayClient({
      apiBase: 'http://127.0.0.1:9',
      appid: 'wx0000000000000000',
      mchid: '1900000109',
      merchantSerial: 'SERIAL',
      merchantPrivateKey: generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey,
      platformPublicKeys: { PUB_KEY_ID_TEST: platform.publicKey },
      timeoutMs: 200,
    }),
  );
  const input: TransferBillInput = {
    outBillNo: 'W20260601001',
    openid: 'o-payee',
    amountFen: 1000,
    remark: '推广佣金提现',
    sceneId: TRANSFER_SCENE_COMMISSION,
    sceneReportInfos: commissionSceneReport('推广员', '推广佣金提现'),
    notifyUrl: 'https://shop.example.com/notify',
  };

  it.each([
    ['an out_bill_no with other characters', { outBillNo: 'W-1' }, 'out_bill_no'],
    ['an out_bill_no over 32 characters', { outBillNo: 'W'.repeat(33) }, 'out_bill_no'],
    ['a fractional amount', { amountFen: 10.5 }, '正整数'],
    ['a zero amount', { amountFen: 0 }, '正整数'],
    ['no openid', { openid: '' }, 'openid'],
    ['a remark over 32 characters', { remark: '佣'.repeat(33) }, '转账备注'],
    ['2,000 元 without the real name', { amountFen: 200_000 }, '真实姓名'],
    ['no scene report', { sceneReportInfos: [] }, '报备信息'],
  ])('refuses %s before sending anything', async (_what, overrides, message) => {
    const error = await client.createTransferBill({ ...input, ...overrides }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(WechatTransferInvalidInput);
    expect((error as Error).message).toContain(message);
  });

  it('sends a valid bill (here: to nowhere, so the outcome is unknown)', async () => {
    await expect(client.createTransferBill({ ...input, amountFen: 199_999 })).rejects.toBeInstanceOf(WechatTransferOutcomeUnknown);
  });
});

describe('transfer states and the 佣金报酬 report', () => {
  it('has three final states', () => {
    expect(TRANSFER_STATES.filter(isFinalTransferState)).toEqual(['SUCCESS', 'FAIL', 'CANCELLED']);
  });

  it('reports 岗位类型 and 报酬说明 for scene 1005', () => {
    expect(commissionSceneReport('推广员', '6月推广佣金')).toEqual([
      { info_type: '岗位类型', info_content: '推广员' },
      { info_type: '报酬说明', info_content: '6月推广佣金' },
    ]);
  });
});

import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoadResult } from './load';

/**
 * Timed load from wrk (Debian's `wrk` package), for the figures that measure a rate. The server, the
 * database and the load generator share the machine's cores: wrk spends about a tenth of the CPU per
 * request that a Node load generator does, so more of the machine goes to what is measured.
 */
export const WRK_PATH = '/usr/bin/wrk';

export function wrkInstalled(): boolean {
  return existsSync(WRK_PATH);
}

/** Order submissions, generated in wrk's Lua: members in turn, a fresh client token each, optionally a coupon and points. */
export interface WrkOrderPlan {
  path: string;
  skuId: number;
  members: { token: string; addressId: number; coupons: number[] }[];
  /** Each order names the member's next unused coupon and redeems points. */
  benefits: boolean;
}

/** Runs wrk for `seconds` from `connections` keep-alive connections (one wrk thread drives them all). */
export async function runWrk(options: { url: string; connections: number; seconds: number; orders?: WrkOrderPlan }): Promise<LoadResult> {
  const dir = mkdtempSync(join(tmpdir(), 'storefront-wrk-'));
  try {
    const script = join(dir, 'load.lua');
    writeFileSync(script, luaScript(options.orders));
    const stdout = await new Promise<string>((resolve, reject) =>
      execFile(
        WRK_PATH,
        ['-t1', `-c${options.connections}`, `-d${options.seconds}s`, '--timeout', '10s', '-s', script, options.url],
        { maxBuffer: 16 * 1024 * 1024 },
        (error, out, err) => (error ? reject(new Error(`wrk failed: ${error.message} ${err}`)) : resolve(out)),
      ),
    );
    const line = stdout.split('\n').find((text) => text.startsWith(RESULT_MARK));
    if (!line) throw new Error(`wrk printed no result:\n${stdout}`);
    const result = JSON.parse(line.slice(RESULT_MARK.length)) as WrkResult;
    const seconds = result.durationUs / 1e6;
    const outcomes = new Map(Object.entries(result.outcomes));
    if (result.timeouts) outcomes.set('timeout', result.timeouts);
    return {
      responses: result.requests,
      seconds,
      perSecond: result.requests / seconds,
      p50Ms: result.p50Us / 1000,
      p95Ms: result.p95Us / 1000,
      p99Ms: result.p99Us / 1000,
      outcomes,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const RESULT_MARK = 'WRK_RESULT ';

interface WrkResult {
  requests: number;
  durationUs: number;
  timeouts: number;
  p50Us: number;
  p95Us: number;
  p99Us: number;
  outcomes: Record<string, number>;
}

/** A Lua string literal (tokens are base64url, but quote them properly anyway). */
const lua = (text: string) => JSON.stringify(text);

/**
 * The wrk script: the requests (for order plans), the answers by status and error code counted in the
 * worker thread, and a JSON summary printed by `done` in the main thread.
 */
function luaScript(orders: WrkOrderPlan | undefined): string {
  const requests = orders
    ? `
local members = {
${orders.members.map((member) => `  { t = ${lua(member.token)}, a = ${member.addressId}, c = { ${member.coupons.join(', ')} } },`).join('\n')}
}
local turn, sent = 0, 0
request = function()
  turn = turn % #members + 1
  sent = sent + 1
  local member = members[turn]
  local extra = ""
  ${orders.benefits ? `local coupon = table.remove(member.c, 1)
  if coupon then extra = string.format(',"memberCouponId":%d,"usePoints":true', coupon) end` : ''}
  local body = string.format('{"clientToken":"w%x%x%d","items":[{"skuId":${orders.skuId},"quantity":1}],"addressId":%d%s}',
    os.time(), math.random(0, 268435455), sent, member.a, extra)
  return wrk.format("POST", ${lua(orders.path)}, { ["content-type"] = "application/json", ["authorization"] = "Bearer " .. member.t }, body)
end`
    : '';
  return `${requests}
local threads = {}
function setup(thread) table.insert(threads, thread) end
function init(args) math.randomseed(os.time() + os.clock() * 1000000) end
outcomes = {}
response = function(status, headers, body)
  local key = tostring(status)
  if status >= 300 then key = key .. " " .. (string.match(body or "", '"code":"([%w_]+)"') or "no code") end
  outcomes[key] = (outcomes[key] or 0) + 1
end
done = function(summary, latency, requests)
  local counts = {}
  for _, thread in ipairs(threads) do
    for key, count in pairs(thread:get("outcomes")) do
      table.insert(counts, string.format('%q:%d', key, count))
    end
  end
  io.write(${lua(RESULT_MARK)}, string.format(
    '{"requests":%d,"durationUs":%d,"timeouts":%d,"p50Us":%d,"p95Us":%d,"p99Us":%d,"outcomes":{%s}}\\n',
    summary.requests, summary.duration, summary.errors.timeout,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), table.concat(counts, ",")))
end
`;
}

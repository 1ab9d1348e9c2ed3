import type { FakeRoute } from '../fake-router';
import { accessTokenError, wechatError } from '../fake-router';

/** getliveinfo's page size cap. */
const LIMIT_MAX = 100;

/**
 * POST /wxa/business/getliveinfo (小程序直播 room list): `{start, limit}` → `{errcode 0, total, room_info}`, rooms
 * newest start first with their live_status (101 直播中 … 107 已过期) and goods; errcode 1 when there is no room
 * (also past the last page), 40001/42001 token, 47001 body not JSON, 40097 bad start / limit (≤ 100).
 * Replays (`action: get_replay`) are not part of the fake.
 */
export const liveRoutes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/wxa/business/getliveinfo',
    handle(request, state) {
      const denied = accessTokenError(request, state);
      if (denied) return denied;
      const body = request.body;
      if (!body) return wechatError(47001, 'data format error');
      const { start = 0, limit = 10, action } = body;
      if (action !== undefined) return wechatError(40097, 'invalid args: action is not supported by the fake');
      if (!Number.isInteger(start) || (start as number) < 0) return wechatError(40097, 'invalid args: start');
      if (!Number.isInteger(limit) || (limit as number) < 1 || (limit as number) > LIMIT_MAX) return wechatError(40097, 'invalid args: limit must be 1..100');
      const { total, rooms } = state.liveRooms.page(start as number, limit as number);
      if (rooms.length === 0) return { body: { errcode: 1, errmsg: 'no room', total } };
      return {
        body: {
          errcode: 0,
          errmsg: 'ok',
          total,
          room_info: rooms.map((room) => ({ ...room, live_type: 0, close_like: 0, close_goods: 0, close_comment: 0, goods: room.goods.map((goods) => ({ ...goods })) })),
        },
      };
    },
  },
];

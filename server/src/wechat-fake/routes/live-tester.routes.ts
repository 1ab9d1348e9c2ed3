import type { FakeRoute } from '../fake-router';
import { FAKE_LIVE_STATUS_CODES, type FakeLiveStatusCode } from '../live/fake-live-rooms';

const isStatus = (value: unknown): value is FakeLiveStatusCode => FAKE_LIVE_STATUS_CODES.includes(value as FakeLiveStatusCode);
const bad = (message: string) => ({ status: 400, body: { message } });

/**
 * Tester endpoints standing in for the broadcaster's 小程序直播 console (browser tests and the local demo):
 * create a room, and start / pause / end it by setting its live_status.
 */
export const liveTesterRoutes: FakeRoute[] = [
  {
    method: 'POST',
    path: '/fake/live/rooms',
    handle(request, state) {
      const { name, start_time: startTime, end_time: endTime, live_status: liveStatus = 102 } = request.body ?? {};
      if (typeof name !== 'string' || !name.trim()) return bad('name 必填');
      if (!Number.isInteger(startTime) || !Number.isInteger(endTime) || (startTime as number) >= (endTime as number)) return bad('start_time < end_time（Unix 秒）必填');
      if (!isStatus(liveStatus)) return bad('live_status 只能是 101–107');
      return { body: state.liveRooms.create({ name, start_time: startTime as number, end_time: endTime as number, live_status: liveStatus }) };
    },
  },
  {
    method: 'POST',
    path: '/fake/live/rooms/:roomId/status',
    handle(request, state) {
      const liveStatus = request.body?.live_status;
      if (!isStatus(liveStatus)) return bad('live_status 只能是 101–107');
      if (!state.liveRooms.setStatus(Number(request.params.roomId), liveStatus)) return { status: 404, body: { message: '直播间不存在' } };
      return { body: { roomid: Number(request.params.roomId), live_status: liveStatus } };
    },
  },
];

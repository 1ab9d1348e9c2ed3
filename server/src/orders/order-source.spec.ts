import { orderSourceFromHeaders } from './order-source';

describe('orderSourceFromHeaders', () => {
  it('reads the channel, referrer and live room codes', () => {
    expect(orderSourceFromHeaders({ 'x-channel-code': 'poster_2026', 'x-referrer-code': 'R-8842', 'x-live-room-id': 'live:77' })).toEqual({
      channelCode: 'poster_2026',
      referrerCode: 'R-8842',
      liveRoomId: 'live:77',
      groupBuyTeamId: null,
    });
  });

  it('drops missing, empty, overlong and non-code values instead of failing the order', () => {
    expect(orderSourceFromHeaders({ 'x-channel-code': '', 'x-referrer-code': 'a'.repeat(65), 'x-live-room-id': "1' OR 1=1" })).toEqual({
      channelCode: null,
      referrerCode: null,
      liveRoomId: null,
      groupBuyTeamId: null,
    });
  });

  it('takes the first of a repeated header', () => {
    expect(orderSourceFromHeaders({ 'x-channel-code': ['first', 'second'] }).channelCode).toBe('first');
  });
});

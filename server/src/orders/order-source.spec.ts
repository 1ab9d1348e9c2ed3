import { orderAttributionHeaders } from './order-source';

describe('orderAttributionHeaders', () => {
  it('reads the share link, channel and live room codes', () => {
    expect(orderAttributionHeaders({ 'x-channel-code': 'poster_2026', 'x-share-link': 'a8K', 'x-live-room-id': 'live:77' })).toEqual({
      shortId: 'a8K',
      channelCode: 'poster_2026',
      liveRoomId: 'live:77',
    });
  });

  it('drops missing, empty, overlong and non-code values instead of failing the order', () => {
    expect(orderAttributionHeaders({ 'x-channel-code': '', 'x-share-link': 'a'.repeat(65), 'x-live-room-id': "1' OR 1=1" })).toEqual({
      shortId: null,
      channelCode: null,
      liveRoomId: null,
    });
  });

  it('takes the first of a repeated header', () => {
    expect(orderAttributionHeaders({ 'x-channel-code': ['first', 'second'] }).channelCode).toBe('first');
  });
});

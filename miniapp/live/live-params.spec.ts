import { CUSTOM_PARAMS_MAX_LENGTH, encodeCustomParams, parseCustomParams, pluginRoomUrl } from './live-params';

describe('the live room custom_params', () => {
  it('carries the session and the sharer, URL-encoded, and comes back as they went in', () => {
    const encoded = encodeCustomParams({ sessionId: 7, shortId: 'a3D' });
    expect(decodeURIComponent(encoded)).toBe('{"sessionId":7,"s":"a3D"}');
    expect(encoded.length).toBeLessThanOrEqual(CUSTOM_PARAMS_MAX_LENGTH);
    expect(parseCustomParams(encoded)).toEqual({ sessionId: 7, shortId: 'a3D' });
    expect(parseCustomParams(decodeURIComponent(encoded))).toEqual({ sessionId: 7, shortId: 'a3D' });
    // Encoded once more by a page path.
    expect(parseCustomParams(encodeURIComponent(encoded))).toEqual({ sessionId: 7, shortId: 'a3D' });
  });

  it('leaves the sharer out for a guest', () => {
    expect(decodeURIComponent(encodeCustomParams({ sessionId: 3 }))).toBe('{"sessionId":3}');
    expect(parseCustomParams('{"sessionId":3}')).toEqual({ sessionId: 3 });
  });

  it('never goes past 600 characters: a sharer that does not fit is left out, the session stays whole', () => {
    const long = encodeCustomParams({ sessionId: 9, shortId: 'a'.repeat(700) });
    expect(long.length).toBeLessThanOrEqual(CUSTOM_PARAMS_MAX_LENGTH);
    expect(parseCustomParams(long)).toEqual({ sessionId: 9 });
  });

  it('builds the plugin room page address', () => {
    expect(pluginRoomUrl(12, { sessionId: 4 })).toBe(
      `plugin-private://wx2b03c6e691cd7370/pages/live-player-plugin?room_id=12&custom_params=${encodeURIComponent('{"sessionId":4}')}`,
    );
  });

  it('reads the object getShareParams answers', () => {
    expect(parseCustomParams({ sessionId: 5, s: 'a3D' })).toEqual({ sessionId: 5, shortId: 'a3D' });
    expect(parseCustomParams({ sessionId: '5' })).toEqual({ sessionId: 5 });
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['an empty string', ''],
    ['bad JSON', '{sessionId:'],
    ['bad percent-encoding', '%E0%A4%A'],
    ['a JSON array', '[1,2]'],
    ['a number', 42],
    ['no session', '{"s":"a3D"}'],
    ['a zero session', '{"sessionId":0}'],
    ['a negative session', '{"sessionId":-3}'],
    ['a fractional session', '{"sessionId":1.5}'],
    ['a session too big to be exact', '{"sessionId":12345678901234567890}'],
    ['a session as words', '{"sessionId":"three"}'],
    ['text far longer than WeChat lets through', `{"sessionId":1,"x":"${'x'.repeat(2000)}"}`],
  ])('ignores %s', (_name, raw) => {
    expect(parseCustomParams(raw)).toBeNull();
  });

  it('drops a sharer that is not a short id and keeps the session', () => {
    expect(parseCustomParams({ sessionId: 2, s: 'not a short id' })).toEqual({ sessionId: 2 });
    expect(parseCustomParams({ sessionId: 2, s: 42 })).toEqual({ sessionId: 2 });
  });
});

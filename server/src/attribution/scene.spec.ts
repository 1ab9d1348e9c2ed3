import {
  decodeShortId,
  encodeShortId,
  SCENE_ALLOWED,
  SCENE_MAX_LENGTH,
  sharePath,
  shortIdFromQuery,
  shortIdFromScene,
} from '../../../shared';

/** Ids around every base62 digit boundary, the ends of the range and a spread in between. */
function sampleIds(): number[] {
  const ids = new Set<number>([1, 2, 9, 10, 61, 62, 63, 100, 3843, 3844, 3845, 2_147_483_647, Number.MAX_SAFE_INTEGER]);
  for (let power = 62; power < Number.MAX_SAFE_INTEGER; power *= 62) {
    for (const near of [power - 1, power, power + 1]) if (near <= Number.MAX_SAFE_INTEGER) ids.add(near);
  }
  // A deterministic spread (no randomness: a failure must reproduce).
  for (let seed = 1; ids.size < 2000; seed = (seed * 48271) % 2_147_483_647) ids.add(seed);
  return [...ids];
}

describe('share short ids (the scene of a mini-program code)', () => {
  it('round-trips every sampled id, within 32 allowed characters', () => {
    for (const id of sampleIds()) {
      const shortId = encodeShortId(id);
      expect(decodeShortId(shortId)).toBe(id);
      expect(shortId.length).toBeLessThanOrEqual(SCENE_MAX_LENGTH);
      expect(shortId).toMatch(SCENE_ALLOWED);
      // Short and URL-safe: a share path carries it unescaped.
      expect(encodeURIComponent(shortId)).toBe(shortId);
    }
    expect(encodeShortId(Number.MAX_SAFE_INTEGER)).toHaveLength(10);
  });

  it('gives distinct ids distinct short ids, and known values', () => {
    const seen = new Set(sampleIds().map(encodeShortId));
    expect(seen.size).toBe(sampleIds().length);
    expect([1, 61, 62, 3844].map(encodeShortId)).toEqual(['a1', 'az', 'a10', 'a100']);
  });

  it('refuses ids that are not positive safe integers', () => {
    for (const id of [0, -1, 1.5, Number.NaN, Number.MAX_SAFE_INTEGER + 1, Infinity]) expect(() => encodeShortId(id)).toThrow(RangeError);
  });

  it('answers null for text that is not a short id of this format', () => {
    const invalid = ['', 'a', 'a0', 'a01', 'b1', 'A1', '1', 'a1!', 'a 1', 'a1\n', 'azzzzzzzzzz', `a${'z'.repeat(9)}`, '%61%31'];
    for (const text of invalid) expect(decodeShortId(text)).toBeNull();
  });

  it('reads the scene of a launch, URL-encoded as WeChat delivers it, bare or as s=<id>', () => {
    const shortId = encodeShortId(123_456);
    expect(shortIdFromScene(shortId)).toBe(shortId);
    expect(shortIdFromScene(encodeURIComponent(`s=${shortId}`))).toBe(shortId);
    expect(shortIdFromScene(`s%3D${shortId}`)).toBe(shortId);
    for (const scene of [undefined, null, '', '%E4%BD%A0', '%', 'goods,12', 's=', 'id=3&pid=9']) expect(shortIdFromScene(scene)).toBeNull();
  });

  it('reads ?s= of a share path first, then the scene', () => {
    const fromLink = encodeShortId(7);
    const fromCode = encodeShortId(8);
    expect(shortIdFromQuery({ id: '12', s: fromLink })).toBe(fromLink);
    expect(shortIdFromQuery({ s: fromLink, scene: fromCode })).toBe(fromLink);
    expect(shortIdFromQuery({ s: 'forged!', scene: fromCode })).toBe(fromCode);
    expect(shortIdFromQuery({ scene: encodeURIComponent(fromCode) })).toBe(fromCode);
    expect(shortIdFromQuery({ id: '12' })).toBeNull();
    expect(shortIdFromQuery(undefined)).toBeNull();
  });

  it('builds share paths with a leading slash and the short id last', () => {
    expect(sharePath('goods/detail/index', { id: 12 }, 'a1')).toBe('/goods/detail/index?id=12&s=a1');
    expect(sharePath('/pages/home/index', {}, 'aB')).toBe('/pages/home/index?s=aB');
    expect(sharePath('goods/detail/index', { q: '茶 & 壶' }, 'a1')).toBe('/goods/detail/index?q=%E8%8C%B6%20%26%20%E5%A3%B6&s=a1');
    expect(sharePath('goods/detail/index', { id: 12 })).toBe('/goods/detail/index?id=12');
    expect(sharePath('pages/home/index', {})).toBe('/pages/home/index');
  });
});

import { AnswerCache } from './answer-cache';

const body = (text: string) => Buffer.from(text);

describe('AnswerCache', () => {
  let now = 0;
  const cache = (maxBytes = 1000, maxAgeMs = 10_000) => new AnswerCache({ maxBytes, maxAgeMs, now: () => now });
  const put = (answers: AnswerCache, key: string, tags: string[], text = key) => answers.store(key, body(text), answers.startFill(tags));

  beforeEach(() => (now = 0));

  it('serves the stored bytes by URL and counts hits and computed answers', () => {
    const answers = cache();
    expect(answers.lookup('/a', false)).toBeUndefined();
    expect(put(answers, '/a', ['catalog'], '{"a":1}')).toBe(true);
    expect(answers.lookup('/a', true)?.toString()).toBe('{"a":1}');
    expect(answers.lookup('/a', false)?.toString()).toBe('{"a":1}');
    expect(answers.stats()).toEqual({ hits: 2, misses: 1, entries: 1, bytes: 7 });
  });

  it('drops every answer carrying a dropped tag, and only those', () => {
    const answers = cache();
    put(answers, '/list', ['catalog', 'product-lists']);
    put(answers, '/p/1', ['catalog', 'product:1']);
    put(answers, '/p/2', ['catalog', 'product:2']);
    put(answers, '/profile', ['shop']);
    answers.drop(['product:1', 'product-lists']);
    expect(['/list', '/p/1', '/p/2', '/profile'].map((key) => answers.lookup(key, false) !== undefined)).toEqual([false, false, true, true]);
    answers.drop(['catalog']);
    expect(['/p/2', '/profile'].map((key) => answers.lookup(key, false) !== undefined)).toEqual([false, true]);
    expect(answers.stats().bytes).toBe('/profile'.length);
  });

  it('does not keep an answer computed while one of its tags was dropped (it may hold the figures from before)', () => {
    const answers = cache();
    const started = answers.startFill(['catalog', 'product:1']);
    answers.drop(['product:1']);
    expect(answers.store('/p/1', body('old'), started)).toBe(false);
    expect(answers.lookup('/p/1', false)).toBeUndefined();
    const unrelated = answers.startFill(['shop']);
    answers.drop(['product:1']);
    expect(answers.store('/profile', body('x'), unrelated)).toBe(true);
  });

  it('evicts the least recently used answers past its byte cap', () => {
    const answers = cache(30);
    put(answers, '/a', ['t'], 'a'.repeat(10));
    put(answers, '/b', ['t'], 'b'.repeat(10));
    put(answers, '/c', ['t'], 'c'.repeat(10));
    answers.lookup('/a', false);
    put(answers, '/d', ['t'], 'd'.repeat(10));
    expect(['/a', '/b', '/c', '/d'].map((key) => answers.lookup(key, false) !== undefined)).toEqual([true, false, true, true]);
    expect(answers.stats()).toEqual(expect.objectContaining({ entries: 3, bytes: 30 }));
    expect(put(answers, '/huge', ['t'], 'x'.repeat(31))).toBe(false);
  });

  it('never serves an answer older than its max age', () => {
    const answers = cache(1000, 10_000);
    put(answers, '/a', ['t']);
    now = 10_000;
    expect(answers.lookup('/a', false)).toBeDefined();
    now = 10_001;
    expect(answers.lookup('/a', false)).toBeUndefined();
    expect(answers.stats().entries).toBe(0);
  });

  it("keeps a visitors' answer from callers with a member token", () => {
    const answers = cache();
    answers.store('/coupons/center', body('[]'), answers.startFill(['coupons']), 'visitors');
    expect(answers.lookup('/coupons/center', true)).toBeUndefined();
    expect(answers.lookup('/coupons/center', false)?.toString()).toBe('[]');
  });
});

describe('AnswerCache computations', () => {
  it('lets requests for the same URL share one computation until it settles', async () => {
    const answers = new AnswerCache({ maxBytes: 1000, maxAgeMs: 10_000 });
    expect(answers.joinComputation('/a')).toBeUndefined();
    let finish: (body: Buffer) => void = () => undefined;
    const computation = new Promise<Buffer>((resolve) => (finish = resolve));
    answers.shareComputation('/a', computation, answers.startFill(['catalog']));
    expect(answers.joinComputation('/a')).toBe(computation);
    expect(answers.stats().hits).toBe(1);
    // A request arriving after a change to one of its tags computes afresh.
    answers.drop(['catalog']);
    expect(answers.joinComputation('/a')).toBeUndefined();
    finish(Buffer.from('x'));
    await computation;
    await Promise.resolve();
    expect(answers.joinComputation('/a')).toBeUndefined();
  });
});

import type { MemberLevelInput } from '../../../shared';
import { levelFor, levelListProblem, nextLevelAfter } from './level-rules';

const levels = [
  { id: 11, rank: 0, minPaidFen: 0 },
  { id: 12, rank: 1, minPaidFen: 100_000 },
  { id: 13, rank: 2, minPaidFen: 300_000 },
  { id: 14, rank: 3, minPaidFen: 1_000_000 },
];

describe('levelFor', () => {
  it.each([
    [0, 11],
    [99_999, 11],
    [100_000, 12], // exactly the threshold reaches it
    [299_999, 12],
    [300_000, 13],
    [999_999, 13],
    [1_000_000, 14],
    [50_000_000, 14],
  ])('net paid %i fen → level %i', (netPaidFen, levelId) => {
    expect(levelFor(levels, netPaidFen).id).toBe(levelId);
  });

  it('the level above, and none above the top', () => {
    expect(nextLevelAfter(levels, levels[1])).toBe(levels[2]);
    expect(nextLevelAfter(levels, levels[3])).toBeNull();
  });
});

describe('levelListProblem', () => {
  const tier = (name: string, minPaidFen: number): MemberLevelInput => ({ name, minPaidFen, memberPricePercent: 100, freeShippingThresholdFen: null });

  it('accepts a sound list', () => {
    expect(levelListProblem([tier('普通', 0), tier('银卡', 1), tier('金卡', 2)])).toBeNull();
  });

  it('names the offending field', () => {
    expect(levelListProblem([tier('普通', 0)])?.field).toBe('levels');
    expect(levelListProblem([tier('普通', 100), tier('银卡', 200)])?.field).toBe('levels.0.minPaidFen');
    expect(levelListProblem([tier('普通', 0), tier('银卡', 500), tier('金卡', 500)])?.field).toBe('levels.2.minPaidFen');
    expect(levelListProblem([tier('普通', 0), tier('银卡', 500), tier('金卡', 400)])?.field).toBe('levels.2.minPaidFen');
    expect(levelListProblem([tier('普通', 0), tier('普通 ', 500)])?.field).toBe('levels.1.name');
  });
});

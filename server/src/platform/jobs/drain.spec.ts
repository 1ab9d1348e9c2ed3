import { drainInBatches } from './drain';

describe('drainInBatches', () => {
  it('takes batches until a short one and counts the rows changed', async () => {
    let due = Array.from({ length: 7 }, (_, index) => index);
    const batches: number[][] = [];
    const changed = await drainInBatches(
      3,
      async () => {
        batches.push(due.slice(0, 3));
        return due.slice(0, 3);
      },
      async (row) => {
        due = due.filter((other) => other !== row);
        return row % 2 === 0;
      },
    );
    expect(batches).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    expect(changed).toBe(4);
  });

  it('stops when a full batch changed nothing (another instance got to those rows), instead of spinning on them', async () => {
    let reads = 0;
    const changed = await drainInBatches(
      2,
      async () => {
        reads++;
        return ['a', 'b'];
      },
      async () => false,
    );
    expect({ reads, changed }).toEqual({ reads: 1, changed: 0 });
  });

  it('answers 0 without calling the handler when nothing is due', async () => {
    const handle = jest.fn();
    expect(await drainInBatches(5, async () => [], handle)).toBe(0);
    expect(handle).not.toHaveBeenCalled();
  });

  it('handles the rows after one that throws (it would be read first on every run), then throws its error', async () => {
    let due = ['stuck', 'a', 'b', 'c', 'd'];
    const handled: string[] = [];
    const run = drainInBatches(
      3,
      async () => due.slice(0, 3),
      async (row) => {
        handled.push(row);
        if (row === 'stuck') throw new Error('vetoed');
        due = due.filter((other) => other !== row);
        return true;
      },
    );
    await expect(run).rejects.toThrow('vetoed');
    expect(handled).toEqual(['stuck', 'a', 'b', 'stuck', 'c', 'd', 'stuck']);
    expect(due).toEqual(['stuck']);
  });
});

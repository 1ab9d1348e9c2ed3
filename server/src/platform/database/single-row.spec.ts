import type { EntityManager } from 'typeorm';
import { writeSingleRow } from './single-row';

class SettingsRow {
  id!: number;
  fee!: number;
}

/** A manager whose updates affect `affected` rows in turn and whose insert fails with `insertError`. */
function managerStub(affected: number[], insertError?: unknown) {
  const calls: string[] = [];
  const manager = {
    update: jest.fn(async () => {
      calls.push('update');
      return { affected: affected.shift() ?? 1 };
    }),
    insert: jest.fn(async (_entity: unknown, values: unknown) => {
      calls.push(`insert ${JSON.stringify(values)}`);
      if (insertError) throw insertError;
    }),
  };
  return { manager: manager as unknown as EntityManager, calls };
}

const duplicateKey = { driverError: { code: 'SQLITE_CONSTRAINT_PRIMARYKEY' } };

describe('writeSingleRow', () => {
  it('updates the row when it exists', async () => {
    const { manager, calls } = managerStub([1]);
    await writeSingleRow(manager, SettingsRow, { fee: 800 });
    expect(calls).toEqual(['update']);
  });

  it('inserts the first row with id 1', async () => {
    const { manager, calls } = managerStub([0]);
    await writeSingleRow(manager, SettingsRow, { fee: 800 });
    expect(calls).toEqual(['update', 'insert {"fee":800,"id":1}']);
  });

  it('updates after all when another instance inserted the first row meanwhile', async () => {
    const { manager, calls } = managerStub([0, 1], duplicateKey);
    await writeSingleRow(manager, SettingsRow, { fee: 800 });
    expect(calls).toEqual(['update', 'insert {"fee":800,"id":1}', 'update']);
  });

  it('passes on any other failure of the insert', async () => {
    const { manager } = managerStub([0], new Error('disk full'));
    await expect(writeSingleRow(manager, SettingsRow, { fee: 800 })).rejects.toThrow('disk full');
  });
});

import { isUniqueViolation, type TransactionRunner } from '../platform/database/transaction-runner';
import { SeedRunRow } from './seed-run.entity';

/** Inserts a seed's marker row; false when another instance (or an earlier run) already did, so each seed runs once per database. */
export async function claimSeed(transactions: TransactionRunner, name: string): Promise<boolean> {
  try {
    await transactions.run((manager) => manager.insert(SeedRunRow, { name }));
    return true;
  } catch (error) {
    if (isUniqueViolation(error)) return false;
    throw error;
  }
}

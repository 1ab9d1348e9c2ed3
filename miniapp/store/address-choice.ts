import type { Address } from '@shared/api/addresses';

// The address book, opened from checkout to pick or add an address, hands the choice back through here
// (navigateBack carries no data).
let chosen: Address | null = null;

export const addressChoice = {
  set(address: Address) {
    chosen = address;
  },
  /** The address picked since the last call, once. */
  take(): Address | null {
    const address = chosen;
    chosen = null;
    return address;
  },
};

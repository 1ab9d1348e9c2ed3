/** Time units and the date form the live domain's queries and views share. */
export const MINUTE_MS = 60_000;
export const HOUR_MS = 60 * MINUTE_MS;

/** A date as the API sends it (ISO 8601, UTC); null stays null. */
export const isoOrNull = (date: Date | null): string | null => date?.toISOString() ?? null;

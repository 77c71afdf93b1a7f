// Driving rates as people read them.

/** A driving rate in metres a day as km a month: m/day × 365 / 12 / 1000, rounded. */
export function kmPerMonth(metresPerDay: number): number {
  return Math.round((metresPerDay * 365) / 12 / 1000);
}

/**
 * 95% intervals for Monte Carlo estimates. Proportions use the Wilson score interval, which stays
 * inside [0, 1] and behaves near 0 and 1 where the normal ("Wald") interval collapses to a point;
 * means use the normal approximation.
 */

/** The 97.5% quantile of the standard normal distribution. */
export const Z_95 = 1.959963984540054;

export interface Interval {
  readonly low: number;
  readonly high: number;
}

/** Wilson score interval for `successes` out of `trials`; [0, 1] when there are no trials. */
export function wilsonInterval(successes: number, trials: number, z: number = Z_95): Interval {
  if (trials <= 0) return { low: 0, high: 1 };
  const p = successes / trials;
  const z2 = z * z;
  const scale = 1 + z2 / trials;
  const center = (p + z2 / (2 * trials)) / scale;
  const half = (z / scale) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
  // At 0 and n successes the bound is exactly 0 (or 1); the float arithmetic would leave ~1e-20.
  return { low: successes <= 0 ? 0 : Math.max(0, center - half), high: successes >= trials ? 1 : Math.min(1, center + half) };
}

/** Half the width of the Wilson interval: the precision a run has reached for this proportion. */
export function wilsonHalfWidth(successes: number, trials: number, z: number = Z_95): number {
  if (trials <= 0) return 0.5;
  const p = successes / trials;
  const z2 = z * z;
  return (z / (1 + z2 / trials)) * Math.sqrt((p * (1 - p)) / trials + z2 / (4 * trials * trials));
}

/** Mean and normal-approximation interval from a sum and a sum of squares over `n` observations. */
export function meanInterval(sum: number, squares: number, n: number, z: number = Z_95): Interval & { readonly mean: number } {
  if (n <= 0) return { mean: Number.NaN, low: Number.NaN, high: Number.NaN };
  const mean = sum / n;
  const variance = n > 1 ? Math.max(0, (squares - n * mean * mean) / (n - 1)) : 0;
  const half = z * Math.sqrt(variance / n);
  return { mean, low: mean - half, high: mean + half };
}

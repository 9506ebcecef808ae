import type { NoiseResult, Samples } from './types.js';

/**
 * Statistics for judging a change against the noise of repeated measurements.
 * Everything here is deterministic: the bootstrap uses a PRNG seeded from its data,
 * so a re-run on the same files renders the same comment.
 */

/** ln Γ(x) for x > 0 (Lanczos approximation, g = 7, n = 9). */
export function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let a = c[0]!;
  const t = z + 7.5;
  for (let i = 1; i < 9; i++) a += c[i]! / (z + i);
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaContinuedFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const delta = d * c;
    h *= delta;
    if (Math.abs(delta - 1) < 1e-14) break;
  }
  return h;
}

/** The regularized incomplete beta function I_x(a, b). */
export function regularizedBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  if (x < (a + 1) / (a + b + 2)) return (front * betaContinuedFraction(a, b, x)) / a;
  return 1 - (front * betaContinuedFraction(b, a, 1 - x)) / b;
}

/** Two-sided p-value of Student's t statistic with `df` degrees of freedom. */
export function twoSidedP(t: number, df: number): number {
  if (!Number.isFinite(t)) return 0;
  if (t === 0) return 1;
  return regularizedBeta(df / (df + t * t), df / 2, 0.5);
}

export interface TTest {
  t: number;
  df: number;
  pValue: number;
}

/** Welch's unequal-variances t-test for a difference between two means. */
export function welchTTest(base: Samples, head: Samples): TTest | undefined {
  if (base.n < 2 || head.n < 2) return undefined;
  const vb = (base.std * base.std) / base.n;
  const vh = (head.std * head.std) / head.n;
  const diff = head.mean - base.mean;
  const se = Math.sqrt(vb + vh);
  if (se === 0) return { t: diff === 0 ? 0 : Infinity, df: base.n + head.n - 2, pValue: diff === 0 ? 1 : 0 };
  const t = diff / se;
  const df = (vb + vh) ** 2 / (vb ** 2 / (base.n - 1) + vh ** 2 / (head.n - 1));
  return { t, df, pValue: twoSidedP(t, df) };
}

/** One-sample t-test of samples against a single known value (the other side had no samples). */
export function oneSampleTTest(samples: Samples, reference: number): TTest | undefined {
  if (samples.n < 2) return undefined;
  const diff = samples.mean - reference;
  const se = samples.std / Math.sqrt(samples.n);
  if (se === 0) return { t: diff === 0 ? 0 : Infinity, df: samples.n - 1, pValue: diff === 0 ? 1 : 0 };
  const t = diff / se;
  return { t, df: samples.n - 1, pValue: twoSidedP(t, samples.n - 1) };
}

/** A small, fast, seedable PRNG (mulberry32): the same seed gives the same sequence. */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function seedFrom(values: readonly number[]): number {
  let hash = 2166136261;
  for (const value of values) {
    const text = value.toString();
    for (let i = 0; i < text.length; i++) {
      hash ^= text.charCodeAt(i);
      hash = Math.imul(hash, 16777619);
    }
    hash ^= 0x2c;
    hash = Math.imul(hash, 16777619);
  }
  return hash >>> 0;
}

/**
 * Percentile bootstrap interval for mean(head) − mean(base): both sample sets are resampled
 * with replacement `resamples` times; the interval holds the central `confidence` share of
 * the resampled differences.
 */
export function bootstrapInterval(
  base: readonly number[],
  head: readonly number[],
  confidence: number,
  resamples = 10_000,
): [number, number] {
  const random = mulberry32(seedFrom([...base, Number.NaN, ...head]));
  const meanOfResample = (values: readonly number[]): number => {
    let sum = 0;
    for (let i = 0; i < values.length; i++) sum += values[Math.floor(random() * values.length)]!;
    return sum / values.length;
  };
  const diffs = new Float64Array(resamples);
  for (let i = 0; i < resamples; i++) diffs[i] = meanOfResample(head) - meanOfResample(base);
  diffs.sort();
  const tail = (1 - confidence) / 2;
  const at = (q: number): number => diffs[Math.min(resamples - 1, Math.max(0, Math.floor(q * resamples)))]!;
  return [at(tail), at(1 - tail)];
}

export type NoiseMethod = 'welch' | 'bootstrap';

/**
 * Is the difference between base and head larger than their noise? Returns undefined when
 * neither side has repeated measurements (nothing to judge the noise by).
 * - both sides with samples: Welch's t-test, or the bootstrap interval when asked for and both
 *   sides list their raw samples;
 * - one side with samples, the other a single number: a one-sample t-test against that number.
 */
export function judgeNoise(
  base: { value: number; samples?: Samples },
  head: { value: number; samples?: Samples },
  confidence: number,
  method: NoiseMethod,
): NoiseResult | undefined {
  const alpha = 1 - confidence;
  if (base.samples && head.samples && base.samples.n >= 2 && head.samples.n >= 2) {
    if (method === 'bootstrap' && base.samples.values && head.samples.values) {
      const interval = bootstrapInterval(base.samples.values, head.samples.values, confidence);
      return { method: 'bootstrap', confidence, interval, significant: interval[0] > 0 || interval[1] < 0 };
    }
    const test = welchTTest(base.samples, head.samples)!;
    return { method: 'welch', confidence, pValue: test.pValue, significant: test.pValue < alpha };
  }
  const one = head.samples && head.samples.n >= 2 ? oneSampleTTest(head.samples, base.value) : undefined;
  const other = !one && base.samples && base.samples.n >= 2 ? oneSampleTTest(base.samples, head.value) : undefined;
  const test = one ?? other;
  if (!test) return undefined;
  return { method: 'one-sample-t', confidence, pValue: test.pValue, significant: test.pValue < alpha };
}

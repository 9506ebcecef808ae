import { bootstrapInterval, judgeNoise, logGamma, oneSampleTTest, regularizedBeta, twoSidedP, welchTTest } from '../../src/metrics/stats.js';
import { fromValues } from '../../src/metrics/flatten.js';

describe('statistics', () => {
  it('computes ln Γ', () => {
    expect(logGamma(1)).toBeCloseTo(0, 10);
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 10);
    expect(logGamma(0.5)).toBeCloseTo(Math.log(Math.sqrt(Math.PI)), 10);
  });

  it('computes the regularized incomplete beta function', () => {
    expect(regularizedBeta(0.5, 1, 1)).toBeCloseTo(0.5, 12);
    expect(regularizedBeta(0.3, 2, 3)).toBeCloseTo(0.3483, 4);
  });

  it("gives Student's t two-sided p-values from published tables", () => {
    expect(twoSidedP(2.228, 10)).toBeCloseTo(0.05, 3);
    expect(twoSidedP(2.0, 10)).toBeCloseTo(0.0734, 4);
    expect(twoSidedP(1.96, 1e6)).toBeCloseTo(0.05, 3);
    expect(twoSidedP(0, 5)).toBe(1);
  });

  it("matches Welch's t-test as scipy computes it", () => {
    // scipy.stats.ttest_ind([1,2,3,4,5], [2,4,6,8,10], equal_var=False) -> t=-1.8974, p=0.10753 (df=5.882)
    const test = welchTTest(fromValues([1, 2, 3, 4, 5]), fromValues([2, 4, 6, 8, 10]))!;
    expect(test.t).toBeCloseTo(1.8973665961, 8);
    expect(test.df).toBeCloseTo(5.882, 3);
    expect(test.pValue).toBeCloseTo(0.10753, 5);
  });

  it('tests samples against a single value', () => {
    // scipy.stats.ttest_1samp([10, 11, 12, 13, 14], 10) -> t=2.8284, p=0.0474
    const test = oneSampleTTest(fromValues([10, 11, 12, 13, 14]), 10)!;
    expect(test.t).toBeCloseTo(2.8284, 4);
    expect(test.pValue).toBeCloseTo(0.0474, 4);
  });

  it('judges a small difference between noisy samples as not significant, and a large one as significant', () => {
    const noisy = judgeNoise(
      { value: 0.7, samples: { mean: 0.7, std: 0.03, n: 5 } },
      { value: 0.68, samples: { mean: 0.68, std: 0.03, n: 5 } },
      0.95,
      'welch',
    );
    expect(noisy).toMatchObject({ method: 'welch', significant: false });
    const clear = judgeNoise(
      { value: 0.7, samples: { mean: 0.7, std: 0.003, n: 5 } },
      { value: 0.68, samples: { mean: 0.68, std: 0.003, n: 5 } },
      0.95,
      'welch',
    );
    expect(clear).toMatchObject({ method: 'welch', significant: true });
  });

  it('has nothing to say without samples', () => {
    expect(judgeNoise({ value: 1 }, { value: 2 }, 0.95, 'welch')).toBeUndefined();
  });

  it('is stricter at a lower confidence', () => {
    const base = { value: 10, samples: fromValues([10, 10.5, 9.5, 10.2, 9.8]) };
    const head = { value: 10.4, samples: fromValues([10.4, 10.9, 9.9, 10.6, 10.2]) };
    const p = judgeNoise(base, head, 0.95, 'welch')!.pValue!;
    expect(p).toBeGreaterThan(0.1);
    expect(p).toBeLessThan(0.5);
    expect(judgeNoise(base, head, 0.95, 'welch')!.significant).toBe(false);
    expect(judgeNoise(base, head, 0.5, 'welch')!.significant).toBe(true);
  });

  it('gives the same bootstrap interval every time, around the true difference', () => {
    const base = [10, 11, 9, 10, 10.5, 9.5, 10.2, 9.8];
    const head = base.map((v) => v + 2);
    const first = bootstrapInterval(base, head, 0.95);
    expect(bootstrapInterval(base, head, 0.95)).toEqual(first);
    expect(first[0]).toBeGreaterThan(1);
    expect(first[1]).toBeLessThan(3);
    const judged = judgeNoise(
      { value: 10, samples: fromValues(base) },
      { value: 12, samples: fromValues(head) },
      0.95,
      'bootstrap',
    );
    expect(judged).toMatchObject({ method: 'bootstrap', significant: true });
  });

  it('falls back to Welch when a bootstrap is asked for but only summaries are given', () => {
    const judged = judgeNoise(
      { value: 1, samples: { mean: 1, std: 0.1, n: 5 } },
      { value: 1.01, samples: { mean: 1.01, std: 0.1, n: 5 } },
      0.95,
      'bootstrap',
    );
    expect(judged?.method).toBe('welch');
  });
});

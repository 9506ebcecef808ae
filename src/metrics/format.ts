/** Number formatting for the comment: short, exact enough to judge a change, never in float noise. */

export function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return '∞';
  if (value === -Infinity) return '-∞';
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (Number.isInteger(value) && abs < 1e15) return String(value);
  if (abs >= 1e6 || abs < 1e-4) return trimExponent(value.toExponential(3));
  return String(Number(value.toPrecision(5)));
}

function trimExponent(text: string): string {
  const [mantissa, exponent] = text.split('e');
  return `${String(Number(mantissa))}e${exponent}`;
}

export function formatSigned(value: number): string {
  const text = formatNumber(value);
  return value > 0 ? `+${text}` : text;
}

export function formatPercent(percent: number): string {
  const abs = Math.abs(percent);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : 2;
  const text = percent.toFixed(digits);
  if (Number(text) === 0) return percent > 0 ? '+<0.01%' : '-<0.01%';
  return `${percent > 0 ? '+' : ''}${text}%`;
}

// C printf-style float formatting as Redis uses it for replies.

/**
 * printf("%.{precision}g", x): `precision` significant digits, scientific
 * notation when the exponent is < -4 or >= precision, trailing zeros removed.
 * inf/-inf/nan spelled as glibc does.
 */
export function formatG(x: number, precision = 17): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0' : '0';
  // Fast path (sorted-set scores): a safe integer prints exactly, in at most 16 digits.
  if (precision >= 16 && Number.isSafeInteger(x)) return String(x);
  const exp = x.toExponential(precision - 1); // d.ddddde±X, correctly rounded
  const ePos = exp.indexOf('e');
  const e = Number(exp.slice(ePos + 1));
  if (e < -4 || e >= precision) {
    let mantissa = exp.slice(0, ePos);
    if (mantissa.includes('.')) mantissa = mantissa.replace(/\.?0+$/, '');
    const sign = e < 0 ? '-' : '+';
    const abs = Math.abs(e);
    return `${mantissa}e${sign}${abs < 10 ? '0' : ''}${abs}`;
  }
  let fixed = x.toFixed(Math.max(0, precision - 1 - e));
  if (fixed.includes('.')) fixed = fixed.replace(/\.?0+$/, '');
  return fixed;
}

/** Redis's addReplyDouble text for a finite or infinite double (%.17g). */
export function formatDouble(x: number): string {
  return formatG(x, 17);
}

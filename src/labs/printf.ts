// Python's "%f" for the labs' progress lines ("Cost after iteration %i: %f").

/** x formatted as Python's "%.<digits>f". toFixed rounds an exact tie away from zero where C's
 *  printf rounds it to even (0.0078125 is "0.007812" in Python), so ties are mended here. A tie
 *  needs an exact decimal expansion of digits + 1 places, which toFixed(100) shows in full. */
export function percentF(x: number, digits = 6): string {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  const fixed = x.toFixed(digits);
  const expansion = Math.abs(x).toFixed(100);
  const cut = expansion.indexOf(".") + digits + 1;
  const isTie = expansion[cut] === "5" && /^0*$/.test(expansion.slice(cut + 1));
  const lastDigit = fixed.charCodeAt(fixed.length - 1) - 48;
  if (!isTie || lastDigit % 2 === 0) return fixed;
  // toFixed went up to an odd digit: the even neighbour is one unit in the last place toward zero.
  return (Math.sign(x) * (Math.abs(Number(fixed)) - 10 ** -digits)).toFixed(digits);
}

export function printCost(i: number, cost: number): void {
  console.log(`Cost after iteration ${i}: ${percentF(cost)}`);
}

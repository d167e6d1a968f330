/**
 * The length of FastLZ (level 1) compression as OP Stack's Fjord fee uses it: the same algorithm as
 * Solady's `LibZip.flzCompress`, which the GasPriceOracle runs, and op-geth's `FlzCompressLen`. Only
 * the length matters for the fee, so no output is built.
 *
 * Positions in the 8192-entry hash table start at 0 (as in the contract's zeroed memory and op-geth's
 * zeroed slice), so a match against the first bytes is possible from the start.
 */
const HASH_LOG = 13;
const MAX_DISTANCE = 8191;
const MAX_LITERAL_RUN = 32;
const MAX_MATCH_CHUNK = 262;

export function flzCompressLength(input: Uint8Array): number {
  const table = new Uint32Array(1 << HASH_LOG);
  const u24 = (i: number) => (input[i] ?? 0) | ((input[i + 1] ?? 0) << 8) | ((input[i + 2] ?? 0) << 16);
  // The low 32 bits of the product, as the contract's 256-bit multiply then `shr 19` and mask keep them.
  const hash = (v: number) => (Math.imul(2654435769 | 0, v) >>> 19) & ((1 << HASH_LOG) - 1);

  let length = 0;
  const literals = (run: number) => {
    length += (MAX_LITERAL_RUN + 1) * Math.floor(run / MAX_LITERAL_RUN);
    const rest = run % MAX_LITERAL_RUN;
    if (rest !== 0) length += rest + 1;
  };
  const match = (matchLength: number) => {
    const l = matchLength - 1;
    length += 3 * Math.floor(l / MAX_MATCH_CHUNK);
    length += l % MAX_MATCH_CHUNK >= 6 ? 3 : 2;
  };

  const limit = input.length < 13 ? 0 : input.length - 13;
  let anchor = 0;
  let ip = 2;
  while (ip < limit) {
    let ref = 0;
    // Scan forward for a 3-byte sequence seen within the last 8 KiB.
    for (;;) {
      const seq = u24(ip);
      const h = hash(seq);
      ref = table[h] ?? 0;
      table[h] = ip;
      const distance = ip - ref;
      if (ip >= limit) break;
      ip += 1;
      if (distance <= MAX_DISTANCE && seq === u24(ref)) break;
    }
    // A match found on the last position still ends the scan (as the contract does).
    if (ip >= limit) break;
    ip -= 1;
    if (ip > anchor) literals(ip - anchor);
    // Matched bytes beyond the first three, plus one (the algorithm's own count), up to the limit.
    const p = ref + 3;
    const q = ip + 3;
    let end = limit + 9 - q;
    let l = 0;
    for (; l < end; l++) if (input[p + l] !== input[q + l]) end = 0;
    match(l);
    ip += l;
    table[hash(u24(ip))] = ip;
    ip += 1;
    table[hash(u24(ip))] = ip;
    ip += 1;
    anchor = ip;
  }
  literals(input.length - anchor);
  return length;
}

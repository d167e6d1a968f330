import { type AbiParameter, type Address, checksumAddress, type Hex } from 'viem';

/**
 * A decoder for return data made only of static types (uintN, intN, bool, address, bytesN, and fixed-size
 * tuples and arrays of them), read straight off the hex string: no byte array, no cursor. Most answers of a
 * big account are of this kind (a position, a tick, a balance, a price), and viem's general decoder, which
 * converts each answer to bytes first, was most of decoding's cost. The values are shaped exactly as viem's
 * `decodeAbiParameters` shapes them (numbers up to 48 bits, bigints above; named tuples as objects; checksummed
 * addresses) and the same data is refused: empty or short data, a bool that is neither 0 nor 1, a small
 * integer out of range. Types with a dynamic part get `null`: the caller keeps viem's decoder for them.
 * Tested against viem's decoder on random values (`static-decode.test.ts`).
 */

type Node =
  | { kind: 'uint' | 'int'; bits: number }
  | { kind: 'bool' }
  | { kind: 'address' }
  | { kind: 'bytes'; size: number }
  | { kind: 'tuple'; names: string[] | null; items: Node[] }
  | { kind: 'array'; length: number; item: Node };

const WORD = 64;
const TWO_256 = 1n << 256n;
const TWO_255 = 1n << 255n;

function plan(param: AbiParameter): Node | null {
  const array = /^(.*)\[(\d+)\]$/.exec(param.type);
  if (array) {
    const [, inner = '', length = '0'] = array;
    const item = plan({ ...param, type: inner } as AbiParameter);
    return item ? { kind: 'array', length: Number(length), item } : null;
  }
  if (param.type === 'tuple') {
    const components = 'components' in param ? param.components : [];
    const items = components.map(plan);
    if (items.some((i) => i === null)) return null;
    // viem: a tuple with any unnamed component (or none) is an array, else an object by name.
    const named = components.length > 0 && components.every((c) => Boolean(c.name));
    return {
      kind: 'tuple',
      names: named ? components.map((c) => c.name ?? '') : null,
      items: items as Node[],
    };
  }
  if (param.type === 'bool') return { kind: 'bool' };
  if (param.type === 'address') return { kind: 'address' };
  const int = /^(u?)int(\d*)$/.exec(param.type);
  if (int) return { kind: int[1] ? 'uint' : 'int', bits: int[2] ? Number(int[2]) : 256 };
  const bytes = /^bytes(\d+)$/.exec(param.type);
  if (bytes) return { kind: 'bytes', size: Number(bytes[1]) };
  // string, bytes, T[]: dynamic.
  return null;
}

function words(node: Node): number {
  if (node.kind === 'tuple') return node.items.reduce((a, i) => a + words(i), 0);
  if (node.kind === 'array') return node.length * words(node.item);
  return 1;
}

/** Checksummed addresses by lower-case form (checksumming is a keccak each time). */
const checksummed = new Map<string, Address>();
const MAX_CHECKSUMMED = 8_192;

function address(lower: string): Address {
  const known = checksummed.get(lower);
  if (known) return known;
  if (checksummed.size >= MAX_CHECKSUMMED) checksummed.clear();
  const value = checksumAddress(lower as Address);
  checksummed.set(lower, value);
  return value;
}

/** Reads `node` from word `cursor.at` of `hex` on, moving the cursor past it. */
function read(hex: string, node: Node, cursor: { at: number }): unknown {
  if (node.kind === 'tuple') {
    if (!node.names) return node.items.map((item) => read(hex, item, cursor));
    const byName: Record<string, unknown> = {};
    node.items.forEach((item, i) => {
      byName[node.names?.[i] ?? ''] = read(hex, item, cursor);
    });
    return byName;
  }
  if (node.kind === 'array') return Array.from({ length: node.length }, () => read(hex, node.item, cursor));
  const start = 2 + cursor.at * WORD;
  cursor.at += 1;
  const digits = hex.slice(start, start + WORD);
  if (node.kind === 'address' || node.kind === 'bytes') {
    if (!HEX_WORD.test(digits)) throw new Error(`not hex data: ${digits}`);
    if (node.kind === 'address') return address(`0x${digits.slice(24).toLowerCase()}`);
    return `0x${digits.slice(0, node.size * 2).toLowerCase()}`;
  }
  // BigInt refuses a bad digit.
  const raw = BigInt(`0x${digits}`);
  if (node.kind === 'bool') {
    if (raw > 1n) throw new Error(`not a boolean: 0x${digits}`);
    return raw === 1n;
  }
  const big = node.kind === 'int' && raw >= TWO_255 ? raw - TWO_256 : raw;
  if (node.bits > 48) return big;
  const small = Number(big);
  if (!Number.isSafeInteger(small)) throw new Error(`integer out of range: ${big}`);
  return small;
}

const HEX_WORD = /^[0-9a-fA-F]{64}$/;

/** Decoders by outputs array (an ABI's own, so one per function): `call()` is made for every read. */
const decoders = new WeakMap<readonly AbiParameter[], ((data: Hex) => unknown[]) | null>();

/** A decoder for `outputs` when every one is static, else null. */
export function staticDecoder(outputs: readonly AbiParameter[]): ((data: Hex) => unknown[]) | null {
  const known = decoders.get(outputs);
  if (known !== undefined) return known;
  const made = makeDecoder(outputs);
  decoders.set(outputs, made);
  return made;
}

function makeDecoder(outputs: readonly AbiParameter[]): ((data: Hex) => unknown[]) | null {
  const nodes: Node[] = [];
  for (const o of outputs) {
    const n = plan(o);
    if (!n) return null;
    nodes.push(n);
  }
  const needed = nodes.reduce((a, n) => a + words(n), 0);
  return (data) => {
    const digits = data.length - 2;
    if (nodes.length > 0 && digits <= 0) throw new Error('no data to decode (the call returned 0x)');
    if (digits > 0 && digits < WORD)
      throw new Error(`data too small to decode: ${digits / 2} bytes, a word is 32`);
    if (digits < needed * WORD)
      throw new Error(`data too short: ${digits / 2} bytes, the outputs need ${needed * 32}`);
    const cursor = { at: 0 };
    return nodes.map((n) => read(data, n, cursor));
  };
}

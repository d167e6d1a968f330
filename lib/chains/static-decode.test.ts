import {
  type AbiParameter,
  decodeAbiParameters,
  encodeAbiParameters,
  type Hex,
  parseAbiParameters,
} from 'viem';
import { describe, expect, it } from 'vitest';
import { staticDecoder } from './static-decode';

/** A deterministic random source (xorshift), so a failure can be replayed. */
function random(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return s;
  };
}

function randomWord(next: () => number): bigint {
  let v = 0n;
  for (let i = 0; i < 8; i++) v = (v << 32n) | BigInt(next());
  return v;
}

/** A random value of an ABI parameter, within its type's range. */
function randomValue(param: AbiParameter, next: () => number): unknown {
  const array = /^(.*)\[(\d+)\]$/.exec(param.type);
  if (array)
    return Array.from({ length: Number(array[2]) }, () =>
      randomValue({ ...param, type: array[1] ?? '' } as AbiParameter, next),
    );
  if (param.type === 'tuple') {
    const components = 'components' in param ? param.components : [];
    const named = components.length > 0 && components.every((c) => c.name);
    const values = components.map((c) => randomValue(c, next));
    return named ? Object.fromEntries(components.map((c, i) => [c.name, values[i]])) : values;
  }
  if (param.type === 'bool') return next() % 2 === 0;
  if (param.type === 'address') return `0x${randomWord(next).toString(16).padStart(64, '0').slice(24)}`;
  const bytes = /^bytes(\d+)$/.exec(param.type);
  if (bytes)
    return `0x${randomWord(next)
      .toString(16)
      .padStart(64, '0')
      .slice(0, Number(bytes[1]) * 2)}`;
  const int = /^(u?)int(\d*)$/.exec(param.type);
  const bits = BigInt(int?.[2] || 256);
  // Mostly small values, sometimes the extremes of the type.
  const pick = next() % 4;
  const full = randomWord(next) & ((1n << bits) - 1n);
  const unsigned = pick === 0 ? (1n << bits) - 1n : pick === 1 ? 0n : pick === 2 ? full : full >> (bits / 2n);
  if (int?.[1]) return bits > 48n ? unsigned : Number(unsigned);
  const signed = unsigned >= 1n << (bits - 1n) ? unsigned - (1n << bits) : unsigned;
  return bits > 48n ? signed : Number(signed);
}

const SIGNATURES = [
  'uint256',
  'int24',
  'uint8, bool, address',
  'uint96 nonce, address operator, address token0, address token1, uint24 fee, int24 tickLower, int24 tickUpper, uint128 liquidity, uint256 feeGrowthInside0LastX128, uint256 feeGrowthInside1LastX128, uint128 tokensOwed0, uint128 tokensOwed1',
  'uint128, int128, uint256, uint256, int56, uint160, uint32, bool',
  'uint160 sqrtPriceX96, int24 tick, uint16 observationIndex, uint16 observationCardinality, uint16 observationCardinalityNext, uint8 feeProtocol, bool unlocked',
  '(uint256 a, int48 b) pair, bytes32 id',
  '(uint256, address) unnamed, int256[3] values',
  'bytes4, bytes20, uint40, int8',
  'int256, int48, int56',
];

describe('staticDecoder', () => {
  it('decodes what viem decodes, shaped as viem shapes it, for random values of every static type', () => {
    const next = random(20261202);
    for (const signature of SIGNATURES) {
      const params = parseAbiParameters(signature) as readonly AbiParameter[];
      const decode = staticDecoder(params);
      expect(decode, signature).not.toBeNull();
      for (let i = 0; i < 40; i++) {
        const values = params.map((p) => randomValue(p, next));
        const data = encodeAbiParameters(params, values);
        expect(decode?.(data), `${signature} #${i}`).toStrictEqual(decodeAbiParameters(params, data));
        // Upper-case digits and extra trailing bytes decode the same, as in viem.
        const upper = `0x${data.slice(2).toUpperCase()}00000000` as Hex;
        expect(decode?.(upper)).toStrictEqual(decodeAbiParameters(params, upper));
      }
    }
  });

  it('leaves dynamic types to viem', () => {
    for (const signature of ['string', 'bytes', 'uint256[]', '(uint256, string)', 'uint256, bytes'])
      expect(staticDecoder(parseAbiParameters(signature) as readonly AbiParameter[]), signature).toBeNull();
  });

  it('refuses what viem refuses: no data, short data, a bad bool, a small integer out of range, bad digits', () => {
    const cases: [string, Hex][] = [
      ['uint256', '0x'],
      ['uint256', '0x1234'],
      ['uint256, uint256', `0x${'00'.repeat(40)}`],
      ['bool', `0x${'00'.repeat(31)}02`],
      ['uint24', `0x${'ff'.repeat(32)}`],
      ['uint256', `0x${'zz'.repeat(32)}`],
    ];
    for (const [signature, data] of cases) {
      const params = parseAbiParameters(signature) as readonly AbiParameter[];
      expect(() => decodeAbiParameters(params, data), `viem: ${signature} ${data}`).toThrow();
      expect(() => staticDecoder(params)?.(data), `${signature} ${data}`).toThrow();
    }
  });
});

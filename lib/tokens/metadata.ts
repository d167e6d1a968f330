import {
  type Address,
  decodeAbiParameters,
  encodeFunctionData,
  type Hex,
  hexToString,
  parseAbi,
  size,
} from 'viem';
import { type Batch, type Result, rawCall } from '../chains/multicall';
import type { TokenMetadata } from './types';

export const erc20Abi = parseAbi([
  'function balanceOf(address owner) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function symbol() view returns (string)',
  'function name() view returns (string)',
  'function totalSupply() view returns (uint256)',
]);

export const SYMBOL_MAX = 16;
export const NAME_MAX = 48;
/** Largest `decimals()` accepted; beyond it the token is treated as having unknown decimals. */
export const MAX_DECIMALS = 36;

// Control, format (bidi overrides, zero-width) and other invisible characters.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}\u2028\u2029]/gu;

/**
 * Makes untrusted token text safe to show: strips invisible and control characters, collapses
 * whitespace and cuts to `max` characters. The result is still rendered as text, never as HTML.
 */
export function sanitizeText(value: string, max: number): { text: string; truncated: boolean } {
  const cleaned = value.replace(INVISIBLE, '').replace(/\s+/g, ' ').trim();
  const chars = Array.from(cleaned);
  if (chars.length <= max) return { text: cleaned, truncated: false };
  return { text: `${chars.slice(0, max - 1).join('')}…`, truncated: true };
}

/**
 * Decodes a `symbol()`/`name()` return that may be an ABI string (the standard) or a bytes32
 * (MKR, SAI and other early tokens). Returns null when it is neither.
 */
export function decodeStringOrBytes32(data: Hex): string | null {
  if (size(data) === 32) {
    try {
      return hexToString(data, { size: 32 }).replace(/\0+$/u, '');
    } catch {
      return null;
    }
  }
  try {
    const [text] = decodeAbiParameters([{ type: 'string' }], data);
    return text;
  } catch {
    return null;
  }
}

const SYMBOL = encodeFunctionData({ abi: erc20Abi, functionName: 'symbol' });
const NAME = encodeFunctionData({ abi: erc20Abi, functionName: 'name' });
const DECIMALS = encodeFunctionData({ abi: erc20Abi, functionName: 'decimals' });

function decodeDecimals(r: Result<Hex>): { decimals: number | null; problem: string | null } {
  if (!r.ok) return { decimals: null, problem: 'decimals() reverted' };
  if (size(r.value) !== 32) return { decimals: null, problem: 'decimals() returned malformed data' };
  const value = BigInt(r.value);
  if (value > BigInt(MAX_DECIMALS)) return { decimals: null, problem: `decimals() returned ${value}` };
  return { decimals: Number(value), problem: null };
}

/** Adds the metadata reads of one token to a batch; the accessor returns sanitised metadata. */
export function addMetadataReads(batch: Batch, token: Address): () => TokenMetadata {
  const symbol = batch.add(rawCall(token, SYMBOL, `${token}.symbol`));
  const name = batch.add(rawCall(token, NAME, `${token}.name`));
  const decimals = batch.add(rawCall(token, DECIMALS, `${token}.decimals`));
  return () => parseMetadata(token, symbol(), name(), decimals());
}

export function parseMetadata(
  token: Address,
  symbolResult: Result<Hex>,
  nameResult: Result<Hex>,
  decimalsResult: Result<Hex>,
): TokenMetadata {
  const problems: string[] = [];
  const rawSymbol = symbolResult.ok ? decodeStringOrBytes32(symbolResult.value) : null;
  if (rawSymbol === null) problems.push(symbolResult.ok ? 'symbol() is not a string' : 'symbol() reverted');
  const rawName = nameResult.ok ? decodeStringOrBytes32(nameResult.value) : null;
  const symbol = sanitizeText(rawSymbol ?? '', SYMBOL_MAX);
  const name = sanitizeText(rawName ?? '', NAME_MAX);
  if (symbol.truncated) problems.push('symbol shortened');
  if (name.truncated) problems.push('name shortened');
  if (rawSymbol !== null && symbol.text !== rawSymbol.trim() && !symbol.truncated) {
    problems.push('symbol had hidden characters');
  }
  const { decimals, problem } = decodeDecimals(decimalsResult);
  if (problem) problems.push(problem);
  const shortAddress = `${token.slice(0, 6)}…${token.slice(-4)}`;
  return {
    address: token,
    symbol: symbol.text || shortAddress,
    name: name.text || symbol.text || shortAddress,
    decimals,
    warning: problems.length > 0 ? problems.join('; ') : null,
  };
}

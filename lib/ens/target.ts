import type { Address } from 'viem';
import { parseAddressInput } from '../settings/settings';

/**
 * The ENS registry's address (`ENSRegistryWithFallback`, the same on every network ENS runs on, as in
 * viem's chain definitions for goerli and pulsechain; not in the project's verified facts).
 */
export const MAINNET_ENS_REGISTRY: Address = '0x00000000000C2E074eC69A0dFb2997BA6C7d2e1e';

/** What someone asked to watch: an address, or an ENS name still to be resolved. */
export type WatchTarget = { kind: 'address'; address: Address } | { kind: 'name'; name: string };

/** ENSIP-15 normalisation (viem's `normalize`): passed in, so the page fetches it only for a name. */
export type Normalize = (name: string) => string;

/** Looks like it was meant as an address (0x…), so it is judged as one, never as a name. */
function looksLikeAddress(value: string): boolean {
  return /^0x[0-9a-f]*$/i.test(value) || (/^0x/i.test(value) && !value.includes('.'));
}

/** Whether parsing this input normalises a name (so `parseWatchTarget` needs a real `normalize`). */
export function isNameInput(input: string): boolean {
  const value = input.trim();
  return !looksLikeAddress(value) && value.includes('.');
}

/** For input that is not a name (`isNameInput` false): parsing it never normalises anything. */
export const noNames: Normalize = () => {
  throw new Error('ENS normalisation was not loaded for this input');
};

/**
 * Parses an address or an ENS name (`vitalik.eth`) as typed in the URL, the search box or the CLI.
 * A name is normalised with `normalize` (ENSIP-15); the message says what is wrong, in words.
 */
export function parseWatchTarget(input: string, normalize: Normalize): WatchTarget | { error: string } {
  const value = input.trim();
  if (value === '') return { error: 'Enter an address or an ENS name.' };
  if (looksLikeAddress(value)) {
    const parsed = parseAddressInput(value);
    return 'error' in parsed ? parsed : { kind: 'address', address: parsed.address };
  }
  if (!value.includes('.'))
    return {
      error:
        'Not an address or an ENS name: expected 0x followed by 40 hexadecimal characters, or a name such as alice.eth.',
    };
  if (value.length > 255) return { error: 'That name is too long to be an ENS name.' };
  const labels = value.split('.');
  if (labels.some((l) => l === ''))
    return {
      error: `“${value}” is not a valid ENS name: it has an empty label (two dots in a row, or a dot at an end).`,
    };
  let name: string;
  try {
    name = normalize(value);
  } catch (error) {
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { error: `“${value}” is not a valid ENS name: ${why}` };
  }
  return { kind: 'name', name };
}

/** The address-or-name as a stable key (lower-case address, normalised name). */
export function targetKey(t: WatchTarget): string {
  return t.kind === 'address' ? t.address.toLowerCase() : t.name;
}

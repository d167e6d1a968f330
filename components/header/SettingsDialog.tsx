'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { getAddress, isAddress } from 'viem';
import type { NetworkName } from '@/lib/chains/network';
import { CHAIN_IDS, CHAINS, type ChainId } from '@/lib/chains/registry';
import { rpcUrlProblem } from '@/lib/chains/rpc';
import { MAX_USER_FARMS, MAX_USER_TOKENS, MAX_USER_VAULTS } from '@/lib/settings/settings';
import { useSettings } from '../settings/SettingsProvider';
import { buttonClass, inputClass, primaryButtonClass } from '../ui/primitives';

type Draft = {
  network: NetworkName;
  rpc: Record<ChainId, string>;
  tokens: Record<ChainId, string>;
  farms: Record<ChainId, string>;
  vaults: Record<ChainId, string>;
};
type ListField = 'tokens' | 'farms' | 'vaults';
const LIST_MAX: Record<ListField, number> = {
  tokens: MAX_USER_TOKENS,
  farms: MAX_USER_FARMS,
  vaults: MAX_USER_VAULTS,
};

/** Network, RPC URL per chain and extra tokens, kept in this browser only. */
export function SettingsDialog() {
  const { settings, update, networkName, devnetAvailable } = useSettings();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});

  const open = () => {
    const network = networkName ?? 'mainnet';
    const rpc = settings.rpc[network] ?? {};
    setDraft({
      network,
      rpc: Object.fromEntries(CHAIN_IDS.map((c) => [c, rpc[c] ?? ''])) as Record<ChainId, string>,
      tokens: Object.fromEntries(CHAIN_IDS.map((c) => [c, (settings.tokens[c] ?? []).join('\n')])) as Record<
        ChainId,
        string
      >,
      farms: Object.fromEntries(CHAIN_IDS.map((c) => [c, (settings.farms[c] ?? []).join('\n')])) as Record<
        ChainId,
        string
      >,
      vaults: Object.fromEntries(CHAIN_IDS.map((c) => [c, (settings.vaults[c] ?? []).join('\n')])) as Record<
        ChainId,
        string
      >,
    });
    setErrors({});
    ref.current?.showModal();
  };

  useEffect(() => {
    const dialog = ref.current;
    const onClose = () => setDraft(null);
    dialog?.addEventListener('close', onClose);
    return () => dialog?.removeEventListener('close', onClose);
  }, []);

  const save = () => {
    if (!draft) return;
    const nextErrors: Partial<Record<string, string>> = {};
    const rpc: Partial<Record<ChainId, string>> = {};
    const lists: Record<ListField, Partial<Record<ChainId, `0x${string}`[]>>> = {
      tokens: {},
      farms: {},
      vaults: {},
    };
    for (const chainId of CHAIN_IDS) {
      const url = draft.rpc[chainId].trim();
      if (url) {
        const problem = rpcUrlProblem(url);
        if (problem) nextErrors[`rpc-${chainId}`] = problem;
        else rpc[chainId] = url;
      }
      for (const field of ['tokens', 'farms', 'vaults'] as const) {
        const list = draft[field][chainId].split(/[\s,]+/).filter(Boolean);
        const bad = list.filter((t) => !isAddress(t, { strict: false }));
        if (bad.length > 0)
          nextErrors[`${field}-${chainId}`] = `not addresses: ${bad.slice(0, 3).join(', ')}`;
        else if (list.length > LIST_MAX[field])
          nextErrors[`${field}-${chainId}`] = `at most ${LIST_MAX[field]} ${field}`;
        else if (list.length > 0) lists[field][chainId] = [...new Set(list.map((t) => getAddress(t)))];
      }
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    update((current) => ({
      network: draft.network,
      rpc: { ...current.rpc, [draft.network]: rpc },
      tokens: lists.tokens,
      farms: lists.farms,
      vaults: lists.vaults,
    }));
    ref.current?.close();
  };

  return (
    <>
      <button type="button" className={buttonClass} onClick={open} aria-haspopup="dialog">
        Settings
      </button>
      <dialog
        ref={ref}
        aria-labelledby={`${id}-title`}
        className="m-auto w-[min(40rem,calc(100%-2rem))] rounded-xl border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40 dark:border-zinc-700 dark:bg-zinc-900 dark:text-zinc-100"
      >
        {draft ? (
          <form
            method="dialog"
            className="space-y-4 p-5"
            onSubmit={(e) => {
              e.preventDefault();
              save();
            }}
          >
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              Settings
            </h2>
            <p className="text-xs text-zinc-500 dark:text-zinc-400">
              Stored in this browser only. Nothing is sent anywhere but to the RPCs below.
            </p>
            <fieldset>
              <legend className="mb-1 text-sm font-medium">Network</legend>
              <div className="flex gap-4 text-sm">
                {(['mainnet', 'devnet'] as const).map((n) => (
                  <label key={n} className="flex items-center gap-1.5">
                    <input
                      type="radio"
                      name="network"
                      value={n}
                      checked={draft.network === n}
                      disabled={n === 'devnet' && !devnetAvailable}
                      onChange={() => setDraft({ ...draft, network: n })}
                    />
                    {n === 'mainnet' ? 'Mainnets' : `Local devnet${devnetAvailable ? '' : ' (not running)'}`}
                  </label>
                ))}
              </div>
            </fieldset>
            <fieldset className="space-y-2">
              <legend className="mb-1 text-sm font-medium">RPC URL per chain ({draft.network})</legend>
              {CHAIN_IDS.map((chainId) => (
                <div key={chainId}>
                  <label
                    htmlFor={`${id}-rpc-${chainId}`}
                    className="block text-xs text-zinc-600 dark:text-zinc-300"
                  >
                    {CHAINS[chainId].name}
                  </label>
                  <input
                    id={`${id}-rpc-${chainId}`}
                    className={inputClass}
                    placeholder={
                      draft.network === 'mainnet' ? CHAINS[chainId].defaultRpcUrl : 'from the devnet manifest'
                    }
                    value={draft.rpc[chainId]}
                    onChange={(e) => setDraft({ ...draft, rpc: { ...draft.rpc, [chainId]: e.target.value } })}
                    aria-invalid={!!errors[`rpc-${chainId}`]}
                  />
                  {errors[`rpc-${chainId}`] ? (
                    <p className="text-xs text-red-700 dark:text-red-400">{errors[`rpc-${chainId}`]}</p>
                  ) : null}
                </div>
              ))}
            </fieldset>
            {(
              [
                ['tokens', 'Extra tokens to read (addresses, one per line)'],
                ['farms', 'Farms to read (StakingRewards contract addresses, one per line)'],
                ['vaults', 'ERC-4626 vaults to read (addresses, one per line)'],
              ] as const
            ).map(([field, legend]) => (
              <fieldset key={field} className="space-y-2">
                <legend className="mb-1 text-sm font-medium">{legend}</legend>
                {CHAIN_IDS.map((chainId) => (
                  <div key={chainId}>
                    <label
                      htmlFor={`${id}-${field}-${chainId}`}
                      className="block text-xs text-zinc-600 dark:text-zinc-300"
                    >
                      {CHAINS[chainId].name}
                    </label>
                    <textarea
                      id={`${id}-${field}-${chainId}`}
                      rows={2}
                      className={inputClass}
                      value={draft[field][chainId]}
                      onChange={(e) =>
                        setDraft({ ...draft, [field]: { ...draft[field], [chainId]: e.target.value } })
                      }
                      aria-invalid={!!errors[`${field}-${chainId}`]}
                    />
                    {errors[`${field}-${chainId}`] ? (
                      <p className="text-xs text-red-700 dark:text-red-400">
                        {errors[`${field}-${chainId}`]}
                      </p>
                    ) : null}
                  </div>
                ))}
              </fieldset>
            ))}
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonClass} onClick={() => ref.current?.close()}>
                Cancel
              </button>
              <button type="submit" className={primaryButtonClass}>
                Save
              </button>
            </div>
          </form>
        ) : null}
      </dialog>
    </>
  );
}

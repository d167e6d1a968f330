'use client';

import { useEffect, useId, useRef, useState } from 'react';
import { getAddress, isAddress } from 'viem';
import type { NetworkName } from '@/lib/chains/network';
import { CHAIN_IDS, CHAINS, type ChainId } from '@/lib/chains/registry';
import { rpcUrlProblem } from '@/lib/chains/rpc';
import { MAX_USER_FARMS, MAX_USER_TOKENS, MAX_USER_VAULTS, rpcChainProblem } from '@/lib/settings/settings';
import { useSettings } from '../settings/SettingsProvider';
import { buttonClass, inputClass, primaryButtonClass } from '../ui/primitives';
import { applyTheme, storedTheme, type ThemeChoice } from './ThemeToggle';

type Draft = {
  network: NetworkName;
  rpc: Record<ChainId, string>;
  tokens: Record<ChainId, string>;
  farms: Record<ChainId, string>;
  vaults: Record<ChainId, string>;
  hideDust: boolean;
  hideClosed: boolean;
  theme: ThemeChoice;
  ensRpc: string;
};

type ListField = 'tokens' | 'farms' | 'vaults';
const LIST_MAX: Record<ListField, number> = {
  tokens: MAX_USER_TOKENS,
  farms: MAX_USER_FARMS,
  vaults: MAX_USER_VAULTS,
};
const LIST_LEGEND: Record<ListField, string> = {
  tokens: 'Extra tokens to read (addresses, one per line)',
  farms: 'Farms to read (StakingRewards contract addresses, one per line)',
  vaults: 'ERC-4626 vaults to read (addresses, one per line)',
};

/** Network, RPC URL per chain and extra tokens, kept in this browser only. */
export function SettingsDialog() {
  const { settings, update, networkName, devnetAvailable } = useSettings();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [checking, setChecking] = useState(false);

  const open = () => {
    const network = networkName ?? 'mainnet';
    const rpc = settings.rpc[network] ?? {};
    const lists = settings.rpcLists[network] ?? {};
    setDraft({
      network,
      hideDust: settings.hideDust,
      hideClosed: settings.hideClosed,
      theme: storedTheme(),
      ensRpc: settings.ensRpc[network] ?? '',
      rpc: Object.fromEntries(
        CHAIN_IDS.map((c) => [c, (lists[c] ?? (rpc[c] ? [rpc[c]] : [])).join('\n')]),
      ) as Record<ChainId, string>,
      farms: Object.fromEntries(CHAIN_IDS.map((c) => [c, (settings.farms[c] ?? []).join('\n')])) as Record<
        ChainId,
        string
      >,
      vaults: Object.fromEntries(CHAIN_IDS.map((c) => [c, (settings.vaults[c] ?? []).join('\n')])) as Record<
        ChainId,
        string
      >,
      tokens: Object.fromEntries(CHAIN_IDS.map((c) => [c, (settings.tokens[c] ?? []).join('\n')])) as Record<
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

  const save = async () => {
    if (!draft) return;
    const nextErrors: Partial<Record<string, string>> = {};
    const rpc: Partial<Record<ChainId, string>> = {};
    const rpcLists: Partial<Record<ChainId, string[]>> = {};
    const lists: Record<ListField, Partial<Record<ChainId, `0x${string}`[]>>> = {
      tokens: {},
      farms: {},
      vaults: {},
    };
    setChecking(true);
    for (const chainId of CHAIN_IDS) {
      // Several URLs, in order, one per line: each must be a URL and answer with this chain's id.
      const urls = draft.rpc[chainId].split(/\s+/).filter(Boolean);
      const problems = urls.map(rpcUrlProblem);
      const badUrl = problems.find((p) => p !== null);
      if (badUrl) nextErrors[`rpc-${chainId}`] = badUrl;
      else if (urls.length > 0) {
        const answers = await Promise.all(urls.map((u) => rpcChainProblem(u, chainId, CHAINS[chainId].name)));
        const wrong = answers.find((a) => a !== null);
        if (wrong) nextErrors[`rpc-${chainId}`] = wrong;
        else {
          rpcLists[chainId] = urls;
          if (urls[0]) rpc[chainId] = urls[0];
        }
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
    const ens = draft.ensRpc.trim();
    if (ens) {
      const problem = rpcUrlProblem(ens) ?? (await rpcChainProblem(ens, 1, 'Ethereum'));
      if (problem) nextErrors.ens = problem;
    }
    setChecking(false);
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0) return;
    applyTheme(draft.theme);
    update((current) => ({
      ...current,
      network: draft.network,
      rpc: { ...current.rpc, [draft.network]: rpc },
      rpcLists: { ...current.rpcLists, [draft.network]: rpcLists },
      ensRpc: { ...current.ensRpc, [draft.network]: ens || undefined },
      hideDust: draft.hideDust,
      hideClosed: draft.hideClosed,
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
              void save();
            }}
          >
            <h2 id={`${id}-title`} className="text-lg font-semibold">
              Settings
            </h2>
            <p className="text-xs text-zinc-600 dark:text-zinc-300">
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
              <legend className="mb-1 text-sm font-medium">
                RPC URLs per chain ({draft.network}), one per line, in order: each must answer for its chain
              </legend>
              {CHAIN_IDS.map((chainId) => (
                <div key={chainId}>
                  <label
                    htmlFor={`${id}-rpc-${chainId}`}
                    className="block text-xs text-zinc-600 dark:text-zinc-300"
                  >
                    {CHAINS[chainId].name}
                  </label>
                  <textarea
                    id={`${id}-rpc-${chainId}`}
                    rows={1}
                    className={inputClass}
                    placeholder={
                      draft.network === 'mainnet' ? CHAINS[chainId].defaultRpcUrl : 'from the devnet manifest'
                    }
                    value={draft.rpc[chainId]}
                    onChange={(e) => setDraft({ ...draft, rpc: { ...draft.rpc, [chainId]: e.target.value } })}
                    aria-invalid={!!errors[`rpc-${chainId}`]}
                  />
                  {errors[`rpc-${chainId}`] ? (
                    <p role="alert" className="text-xs text-red-700 dark:text-red-400">
                      {errors[`rpc-${chainId}`]}
                    </p>
                  ) : null}
                </div>
              ))}
            </fieldset>
            {(['tokens', 'farms', 'vaults'] as const).map((field) => (
              <fieldset key={field} className="space-y-2">
                <legend className="mb-1 text-sm font-medium">{LIST_LEGEND[field]}</legend>
                {CHAIN_IDS.map((chainId) => (
                  <div key={chainId}>
                    <label
                      htmlFor={`${id}-${field}-${chainId}`}
                      className="block text-xs text-zinc-600 dark:text-zinc-300"
                    >
                      {field === 'tokens' ? CHAINS[chainId].name : `${CHAINS[chainId].name} ${field}`}
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
            <div>
              <label htmlFor={`${id}-ens`} className="block text-sm font-medium">
                Ethereum RPC for ENS names
              </label>
              <input
                id={`${id}-ens`}
                className={inputClass}
                placeholder={
                  draft.network === 'devnet' ? 'the devnet’s local chain 1' : 'none: names cannot be resolved'
                }
                value={draft.ensRpc}
                onChange={(e) => setDraft({ ...draft, ensRpc: e.target.value })}
                aria-invalid={!!errors.ens}
              />
              {errors.ens ? (
                <p role="alert" className="text-xs text-red-700 dark:text-red-400">
                  {errors.ens}
                </p>
              ) : null}
            </div>
            <fieldset className="space-y-1 text-sm">
              <legend className="mb-1 text-sm font-medium">Display</legend>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={draft.hideDust}
                  onChange={(e) => setDraft({ ...draft, hideDust: e.target.checked })}
                />
                Hide dust (positions worth under $1)
              </label>
              <label className="flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={draft.hideClosed}
                  onChange={(e) => setDraft({ ...draft, hideClosed: e.target.checked })}
                />
                Hide closed positions
              </label>
            </fieldset>
            <fieldset>
              <legend className="mb-1 text-sm font-medium">Theme</legend>
              <div className="flex gap-4 text-sm">
                {(['system', 'light', 'dark'] as const).map((t) => (
                  <label key={t} className="flex items-center gap-1.5">
                    <input
                      type="radio"
                      name="theme"
                      value={t}
                      checked={draft.theme === t}
                      onChange={() => setDraft({ ...draft, theme: t })}
                    />
                    {t === 'system' ? 'Follow the system' : t === 'light' ? 'Light' : 'Dark'}
                  </label>
                ))}
              </div>
            </fieldset>
            <div className="flex justify-end gap-2">
              <button type="button" className={buttonClass} onClick={() => ref.current?.close()}>
                Cancel
              </button>
              <button type="submit" className={primaryButtonClass} disabled={checking}>
                {checking ? 'Checking RPCs…' : 'Save'}
              </button>
            </div>
          </form>
        ) : null}
      </dialog>
    </>
  );
}

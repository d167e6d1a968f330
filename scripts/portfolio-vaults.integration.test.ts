import { describe, expect, it } from 'vitest';
import { vaultName } from '../devnet/seed/vaults';
import { testDevnet } from '../devnet/testing';
import { runScript, writeManifest } from './cli-testing';

const portfolio = (args: string[], manifestPath: string) =>
  runScript('portfolio.ts', args, { LAYERGLASS_MANIFEST: manifestPath });

describe('npm run portfolio -- --vault', () => {
  const { manifest } = testDevnet();
  const demo = manifest.accounts.demo ?? '';

  it('reads vaults given with --vault (repeatable): a real one and one that is not a vault, each on its line', async () => {
    const usdc = manifest.chains['42161'].tokens.USDC ?? '';
    const path = writeManifest(manifest);
    const { code, stdout } = await portfolio(
      [demo, '--network', 'devnet', '--vault', `42161:${usdc}`, `--vault=324:${usdc.toLowerCase()}`],
      path,
    );
    expect(code).toBe(0);
    expect(stdout).toContain(`${usdc} is not an ERC-4626 vault`);
    // The curated vaults still print, with shares, share price and the window of their yield.
    expect(stdout).toMatch(
      /shares 1,000 dvUSDC\n\s+1 dvUSDC = 1\.\d+ USDC\n\s+share price grew: \d+\.\d\d% a year \(7d;/,
    );
    expect(stdout).toMatch(/share price fell: -\d+\.\d\d% a year \(7d;/);
    expect(stdout).toMatch(/liquid staking wstETH: 1 wstETH = 1\.\d+ stETH · staking 2\.\d\d% a year \(7d/);
    expect(stdout).toContain('liquid staking rETH: no rate feed here');

    const json = JSON.parse(
      (await portfolio([demo, '--network', 'devnet', '--json', '--vault', `10:${usdc}`], path)).stdout,
    );
    const op = json.chains.find((c: { chainId: number }) => c.chainId === 10);
    const vaults = op.positions.filter((p: { protocol: string }) => p.protocol === 'vaults');
    expect(vaults.map((p: { id: string }) => p.id)).toContain(
      `10:vaults:${manifest.chains['10'].contracts[vaultName('dvUSDC')]}`,
    );
  });

  it('refuses a malformed --vault before any RPC call', async () => {
    const { code, stderr } = await portfolio([demo, '--vault', '5:0x1234'], writeManifest(manifest));
    expect(code).toBe(2);
    expect(stderr).toContain('--vault expected <chainId>:<address>');
  });
});

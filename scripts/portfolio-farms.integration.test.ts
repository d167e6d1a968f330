import type { Address } from 'viem';
import { describe, expect, it } from 'vitest';
import { testDevnet } from '../devnet/testing';
import { FARM_PREFIX } from '../lib/protocols/staking-rewards/module';
import { runScript, writeManifest } from './cli-testing';

describe('npm run portfolio -- --farm', () => {
  const { manifest } = testDevnet();
  const run = (args: string[]) =>
    runScript('portfolio.ts', args, { LAYERGLASS_MANIFEST: writeManifest(manifest) });
  const demo = manifest.accounts.demo as Address;

  it('reads user farms beside the known ones; an address that is not a farm gets its own line and the rest prints', async () => {
    const usdc = manifest.chains['42161'].tokens.USDC as Address;
    const opFarm = manifest.chains['10'].contracts[`${FARM_PREFIX}USDC-OP`] as Address;
    const { code, stdout } = await run([
      demo,
      '--network',
      'devnet',
      '--farm',
      `42161:${usdc}`,
      '--farm',
      `42161:${opFarm}`,
    ]);
    expect(code).toBe(0);
    expect(stdout).toContain(
      `farm ${usdc} (added by you): ${usdc} is not a StakingRewards farm on Arbitrum One`,
    );
    expect(stdout).toMatch(
      new RegExp(`farm ${opFarm} \\(added by you\\): (no contract|${opFarm} is not a StakingRewards farm)`),
    );
    expect(stdout).toMatch(/farm WETH → ARB \(WETH-ARB\): .*reward APR \d/);
    expect(stdout).toMatch(/camelot +farming/);
  });

  it('rejects a --farm on an unknown chain or with a bad address before any RPC call', async () => {
    const bad = await run([
      demo,
      '--network',
      'devnet',
      '--farm',
      '5:0x000000000000000000000000000000000000dEaD',
    ]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('chain 5 is not one of 10, 42161, 324');
    const notAddress = await run([demo, '--network', 'devnet', '--farm', '10:0x1234']);
    expect(notAddress.code).toBe(2);
    // The shared <chainId>:<address> parser names what it expected and what it got.
    expect(notAddress.stderr).toContain('--farm expected <chainId>:<address>');
    expect(notAddress.stderr).toContain('"10:0x1234"');
  });
});

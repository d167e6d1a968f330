import {
  formatReserves,
  formatReservesAndIncentives,
  formatUserSummary,
  type ReservesIncentiveDataHumanized,
  valueToBigNumber,
} from '@aave/math-utils';
import { type Abi, type Address, getAddress, maxUint256 } from 'viem';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadArtifact } from '../../../devnet/artifacts';
import { DevnetChain } from '../../../devnet/chain';
import { AAVE_INCENTIVES } from '../../../devnet/seed/aave-v3';
import { GOV_TOKEN } from '../../../devnet/seed/base';
import { snapshotChain, testDevnet } from '../../../devnet/testing';
import type { ReadClient } from '../../chains/client';
import { Batch } from '../../chains/multicall';
import type { Network } from '../../chains/network';
import { CHAIN_IDS, CHAINS, type ChainId } from '../../chains/registry';
import { portfolioJson } from '../../portfolio/json';
import { readChainPortfolio, readPortfolio } from '../../portfolio/read';
import { chainTotal } from '../../portfolio/select';
import type { Position } from '../../portfolio/types';
import type { RegisteredModule } from '../module';
import { AAVE_V3_DEPLOYMENT, devnetAaveV3Market } from './addresses';
import { addAaveV3Checks } from './check';
import { rayToNumber } from './math';
import { aaveV3Module, aaveV3ModuleFor, isAaveV3Details } from './module';
import type { AaveV3PositionDetails, AaveV3Summary } from './types';

/*
 * Oracles, all independent of this folder's code: the Pool's own getUserAccountData, the tokens' own
 * balanceOf, the AaveProtocolDataProvider's own configuration getters, RewardsController.getUserRewards,
 * and @aave/math-utils fed with UiPoolDataProviderV3 / UiIncentiveDataProviderV3 reads made here with
 * the ABIs of the npm artifacts (not ./abi.ts).
 */

const CORE = '@aave/core-v3/artifacts/contracts';
const PERIPHERY = '@aave/periphery-v3/artifacts/contracts';
const ABI = {
  pool: loadArtifact(`${CORE}/protocol/pool/Pool.sol/Pool.json`).abi,
  dataProvider: loadArtifact(`${CORE}/misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json`).abi,
  configurator: loadArtifact(`${CORE}/protocol/pool/PoolConfigurator.sol/PoolConfigurator.json`).abi,
  oracle: loadArtifact(`${CORE}/misc/AaveOracle.sol/AaveOracle.json`).abi,
  erc20: loadArtifact(`${CORE}/mocks/tokens/MintableERC20.sol/MintableERC20.json`).abi,
  uiPool: loadArtifact(`${PERIPHERY}/misc/UiPoolDataProviderV3.sol/UiPoolDataProviderV3.json`).abi,
  uiIncentives: loadArtifact(`${PERIPHERY}/misc/UiIncentiveDataProviderV3.sol/UiIncentiveDataProviderV3.json`)
    .abi,
  rewards: loadArtifact(`${PERIPHERY}/rewards/RewardsController.sol/RewardsController.json`).abi,
};

const { manifest, network, clients, requests } = testDevnet();
const ROLES = ['demo', 'nearLiquidation', 'supplierOnly'] as const;
const account = (role: string) => manifest.accounts[role] as Address;
const contract = (id: ChainId, name: string) => {
  const address = manifest.chains[`${id}`].contracts[name];
  if (!address) throw new Error(`${name} missing on ${id}`);
  return address;
};
const tokenAddress = (id: ChainId, symbol: string) => manifest.chains[`${id}`].tokens[symbol] as Address;

async function readAave(
  id: ChainId,
  owner: Address,
  reader: RegisteredModule = aaveV3Module,
  blockNumber?: bigint,
) {
  const chain = await readChainPortfolio({
    network,
    chainId: id,
    client: clients[id],
    owner,
    protocols: [reader],
    ...(blockNumber === undefined ? {} : { blockNumber }),
  });
  const positions = chain.positions.filter((p) => p.protocol === 'aave-v3');
  const summary = chain.summaries.find((s): s is AaveV3Summary => s.type === 'aave-v3');
  return { chain, positions, summary, block: chain.blockNumber ?? 0n };
}

/** The reader forced onto the reserve-by-reserve path mainnet uses (no lens). */
const poolPathReader: RegisteredModule = aaveV3ModuleFor({
  ...AAVE_V3_DEPLOYMENT,
  devnet: (contracts) => {
    const market = devnetAaveV3Market(contracts);
    return market && { ...market, uiPoolDataProvider: null };
  },
});

const details = (p: Position): AaveV3PositionDetails => {
  if (!isAaveV3Details(p.details)) throw new Error(`${p.id} has no aave-v3 details`);
  return p.details;
};

async function read<T>(
  client: ReadClient,
  address: Address,
  abi: Abi,
  functionName: string,
  args: readonly unknown[],
  blockNumber: bigint,
): Promise<T> {
  return (await client.readContract({ address, abi, functionName, args, blockNumber })) as T;
}

/** A math-utils decimal string (e.g. "6000.147947") in base units. */
const baseUnits = (value: string, decimals: number) =>
  BigInt(valueToBigNumber(value).shiftedBy(decimals).toFixed(0));

/** formatReserves prints APYs with 20 decimals: the RAY values agree to that last digit. */
function expectSameApy(ours: bigint, theirs: string) {
  const difference = ours - baseUnits(theirs, 27);
  expect(difference < 0n ? -difference : difference).toBeLessThan(10n ** 7n);
}

type Raw = Record<string, unknown>;
const str = (v: unknown) => String(v);

/** UiPoolDataProviderV3 reads at one block, humanised the way Aave's interface does, through math-utils. */
async function mathUtilsOracle(id: ChainId, owner: Address, blockNumber: bigint) {
  const client = clients[id];
  const provider = contract(id, 'AaveV3PoolAddressesProvider');
  const ui = contract(id, 'AaveV3UiPoolDataProvider');
  const [rawReserves, baseInfo] = await read<[Raw[], Raw]>(
    client,
    ui,
    ABI.uiPool,
    'getReservesData',
    [provider],
    blockNumber,
  );
  const [rawUser, eMode] = await read<[Raw[], number]>(
    client,
    ui,
    ABI.uiPool,
    'getUserReservesData',
    [provider, owner],
    blockNumber,
  );
  const { timestamp } = await client.getBlock({ blockNumber });
  const reserves = rawReserves.map((r, i) => ({
    originalId: i,
    id: str(r.underlyingAsset).toLowerCase(),
    underlyingAsset: str(r.underlyingAsset).toLowerCase(),
    name: str(r.name),
    symbol: str(r.symbol),
    decimals: Number(r.decimals),
    usageAsCollateralEnabled: Boolean(r.usageAsCollateralEnabled),
    reserveFactor: str(r.reserveFactor),
    baseLTVasCollateral: str(r.baseLTVasCollateral),
    liquidityIndex: str(r.liquidityIndex),
    reserveLiquidationThreshold: str(r.reserveLiquidationThreshold),
    reserveLiquidationBonus: str(r.reserveLiquidationBonus),
    variableBorrowIndex: str(r.variableBorrowIndex),
    variableBorrowRate: str(r.variableBorrowRate),
    availableLiquidity: str(r.availableLiquidity),
    liquidityRate: str(r.liquidityRate),
    totalScaledVariableDebt: str(r.totalScaledVariableDebt),
    lastUpdateTimestamp: Number(r.lastUpdateTimestamp),
    borrowCap: str(r.borrowCap),
    supplyCap: str(r.supplyCap),
    debtCeiling: str(r.debtCeiling),
    debtCeilingDecimals: Number(r.debtCeilingDecimals),
    isolationModeTotalDebt: str(r.isolationModeTotalDebt),
    // Fields of later lens layouts, absent (zero) in periphery 3.0.1's.
    virtualUnderlyingBalance: '0',
    deficit: '0',
    priceInMarketReferenceCurrency: str(r.priceInMarketReferenceCurrency),
  }));
  const unit = BigInt(str(baseInfo.marketReferenceCurrencyUnit));
  const common = {
    currentTimestamp: Number(timestamp),
    marketReferencePriceInUsd: str(baseInfo.marketReferenceCurrencyPriceInUsd),
    marketReferenceCurrencyDecimals: unit.toString().length - 1,
  };
  let reserveIncentives: ReservesIncentiveDataHumanized[] = [];
  const uiIncentives = manifest.chains[`${id}`].contracts.AaveV3UiIncentiveDataProvider;
  if (uiIncentives) {
    const raw = await read<Raw[]>(
      client,
      uiIncentives,
      ABI.uiIncentives,
      'getReservesIncentivesData',
      [provider],
      blockNumber,
    );
    const side = (d: Raw) => ({
      tokenAddress: str(d.tokenAddress),
      incentiveControllerAddress: str(d.incentiveControllerAddress),
      rewardsTokenInformation: (d.rewardsTokenInformation as Raw[]).map((x) => ({
        rewardTokenSymbol: str(x.rewardTokenSymbol),
        rewardTokenAddress: str(x.rewardTokenAddress),
        rewardOracleAddress: str(x.rewardOracleAddress),
        emissionPerSecond: str(x.emissionPerSecond),
        incentivesLastUpdateTimestamp: Number(x.incentivesLastUpdateTimestamp),
        tokenIncentivesIndex: str(x.tokenIncentivesIndex),
        emissionEndTimestamp: Number(x.emissionEndTimestamp),
        rewardPriceFeed: str(x.rewardPriceFeed),
        rewardTokenDecimals: Number(x.rewardTokenDecimals),
        precision: Number(x.precision),
        priceFeedDecimals: Number(x.priceFeedDecimals),
      })),
    });
    reserveIncentives = raw.map((r) => ({
      underlyingAsset: str(r.underlyingAsset).toLowerCase(),
      aIncentiveData: side(r.aIncentiveData as Raw),
      vIncentiveData: side(r.vIncentiveData as Raw),
    }));
  }
  const formattedReserves = formatReservesAndIncentives({ reserves, reserveIncentives, ...common });
  const user = formatUserSummary({
    ...common,
    userReserves: rawUser.map((u) => ({
      underlyingAsset: str(u.underlyingAsset).toLowerCase(),
      scaledATokenBalance: str(u.scaledATokenBalance),
      usageAsCollateralEnabledOnUser: Boolean(u.usageAsCollateralEnabledOnUser),
      scaledVariableDebt: str(u.scaledVariableDebt),
    })),
    formattedReserves: formatReserves({ reserves, ...common }),
    userEmodeCategoryId: eMode,
  });
  return { formattedReserves, reserveIncentives, user, timestamp };
}

describe('Aave V3 reads against the Pool’s getUserAccountData', () => {
  it.each(CHAIN_IDS)('chain %i: health factor, collateral and debt equal it exactly', async (id) => {
    for (const role of ROLES) {
      const owner = account(role);
      const { summary, block } = await readAave(id, owner);
      const onChain = await read<readonly bigint[]>(
        clients[id],
        contract(id, 'AaveV3Pool'),
        ABI.pool,
        'getUserAccountData',
        [owner],
        block,
      );
      const [collateral, debt, available, threshold, ltv, hf] = onChain;
      expect(summary?.blockNumber).toBe(block);
      expect(summary?.account, role).toEqual({
        totalCollateralBase: collateral,
        totalDebtBase: debt,
        availableBorrowsBase: available,
        liquidationThresholdBps: threshold,
        ltvBps: ltv,
        healthFactorWad: debt === 0n ? null : hf,
      });
      if (role === 'supplierOnly') {
        expect(hf).toBe(maxUint256);
        expect(summary?.health).toEqual({ state: 'no-debt' });
      } else {
        expect(summary?.health).toEqual({
          state: 'active',
          factorWad: hf,
          band: role === 'demo' ? 'moderate' : 'at-risk',
        });
      }
    }
  });

  it('seeds the health factors the issue asks for, and never prints uint256.max', async () => {
    const factor = async (role: string) => {
      const { summary } = await readAave(10, account(role));
      return summary?.health.state === 'active' ? rayToNumber(summary.health.factorWad * 10n ** 9n) : null;
    };
    expect(await factor('demo')).toBeGreaterThan(1.7);
    expect(await factor('demo')).toBeLessThan(1.9);
    expect(await factor('nearLiquidation')).toBeGreaterThan(1);
    expect(await factor('nearLiquidation')).toBeLessThan(1.1);
    const json = JSON.stringify(
      portfolioJson(await readPortfolio(network, account('supplierOnly'), clients)),
    );
    expect(json).not.toContain(maxUint256.toString());
    expect(json).toContain('"health":{"state":"no-debt"}');
  });
});

describe('Aave V3 per-asset figures against @aave/math-utils and the tokens', () => {
  it.each(CHAIN_IDS)('chain %i: balances, APYs and net APY', async (id) => {
    for (const role of ROLES) {
      const owner = account(role);
      const { positions, summary, block } = await readAave(id, owner);
      const oracle = await mathUtilsOracle(id, owner, block);
      const { timestamp: blockTimestamp } = await clients[id].getBlock({ blockNumber: block });
      const lending = positions.filter((p) => p.kind === 'supply' || p.kind === 'borrow');
      const incentiveAprs = new Map<string, number>();
      let debtRelBound = 0; // the largest per-debt bound below, carried into the net APY check
      const expected = oracle.user.userReservesData.flatMap((u) => [
        ...(u.scaledATokenBalance !== '0' ? [`supply:${getAddress(u.underlyingAsset)}`] : []),
        ...(u.scaledVariableDebt !== '0' ? [`borrow:${getAddress(u.underlyingAsset)}`] : []),
      ]);
      expect(lending.map((p) => `${p.kind}:${details(p).asset}`).sort()).toEqual(expected.sort());

      for (const p of lending) {
        const d = details(p);
        const u = oracle.user.userReservesData.find((x) => getAddress(x.underlyingAsset) === d.asset);
        const reserve = oracle.formattedReserves.find((x) => getAddress(x.underlyingAsset) === d.asset);
        if (!u || !reserve) throw new Error(`math-utils has no ${d.asset}`);
        const amount = p.assets[0]?.amount;
        const decimals = reserve.decimals;
        const [aToken, , variableDebt] = await read<readonly Address[]>(
          clients[id],
          contract(id, 'AaveV3ProtocolDataProvider'),
          ABI.dataProvider,
          'getReserveTokensAddresses',
          [d.asset],
          block,
        );
        const token = p.kind === 'supply' ? aToken : variableDebt;
        const balance = await read<bigint>(
          clients[id],
          token as Address,
          ABI.erc20,
          'balanceOf',
          [owner],
          block,
        );
        expect(amount, `${role} ${p.id} vs balanceOf`).toBe(balance);
        if (p.kind === 'supply') {
          expect(amount, `${role} ${p.id}`).toBe(baseUnits(u.underlyingBalance, decimals));
          expectSameApy(d.apyRay, reserve.supplyAPY);
          expect(d.usedAsCollateral).toBe(u.usageAsCollateralEnabledOnUser);
          // The convention: base is the reserve's simple annual rate as math-utils states it; the APY beside it.
          expect(p.yield?.baseApr).toBeCloseTo(Number(reserve.supplyAPR), 15);
          expect(p.yield?.apy).toBe(rayToNumber(d.apyRay));
          expect(p.yield?.compounds).toBe(true);
        } else {
          // Both sides compound with the same 3-term binomial, but round its third term differently: the
          // Pool computes the per-second cube as ((r·r)/SPY²)·r/SPY and truncates it (to 0 at these
          // rates); math-utils cubes the per-second rate and keeps up to a few units of ray. The gap is
          // therefore at most Δt(Δt−1)(Δt−2)/6 · 4 ray since the reserve's last update, plus one base unit
          // of rounding in math-utils' decimal string. The amount equals balanceOf exactly (above).
          const theirs = baseUnits(u.variableBorrows, decimals);
          const dt = Number(blockTimestamp) - reserve.lastUpdateTimestamp;
          const bound = (dt * (dt - 1) * (dt - 2) * 4) / 6 / 1e27 + 1 / Number(amount ?? 1n);
          debtRelBound = Math.max(debtRelBound, bound);
          expect(
            Number(theirs - (amount ?? 0n)) / Number(theirs),
            `${role} ${p.id} (Δt ${dt}s)`,
          ).toBeLessThanOrEqual(bound);
          expect(theirs).toBeGreaterThanOrEqual(amount ?? 0n);
          expectSameApy(d.apyRay, reserve.variableBorrowAPY);
          expect(p.yield?.baseApr).toBeCloseTo(-Number(reserve.variableBorrowAPR), 15);
          expect(p.yield?.apy).toBe(-rayToNumber(d.apyRay));
        }
        const incentives = p.kind === 'supply' ? reserve.aIncentivesData : reserve.vIncentivesData;
        const supply = await read<bigint>(clients[id], token as Address, ABI.erc20, 'totalSupply', [], block);
        const raw = oracle.reserveIncentives.find((x) => getAddress(x.underlyingAsset) === d.asset);
        const rawSide = p.kind === 'supply' ? raw?.aIncentiveData : raw?.vIncentiveData;
        let incentiveApr = 0;
        for (const i of d.incentives) {
          const theirs = incentives?.find((x) => getAddress(x.rewardTokenAddress) === i.reward);
          const info = rawSide?.rewardsTokenInformation.find(
            (x) => getAddress(x.rewardTokenAddress) === i.reward,
          );
          expect(theirs, `${p.id} incentive`).toBeDefined();
          expect(i.emissionPerSecond.toString()).toBe(info?.emissionPerSecond);
          const ours = rayToNumber(i.aprRay ?? -1n);
          // Recomputed from the token's own totalSupply and the reward oracle's price: to float precision.
          const rewardPrice = Number(info?.rewardPriceFeed) / 10 ** (info?.priceFeedDecimals ?? 0);
          const yearly = (Number(i.emissionPerSecond) / 10 ** (info?.rewardTokenDecimals ?? 0)) * 31_536_000;
          const staked = (Number(supply) / 10 ** decimals) * Number(reserve.priceInUSD);
          const independent = (yearly * rewardPrice) / staked;
          expect(Math.abs(ours - independent) / ours).toBeLessThan(1e-12);
          incentiveApr += independent;
          // math-utils divides by the reserve's total liquidity, which also holds the treasury's share
          // of interest not yet minted as aTokens (reserve factor × accrued interest): a few 1e-4 apart.
          const mathUtils = Number(theirs?.incentiveAPR);
          expect(Math.abs(ours - mathUtils) / ours).toBeLessThan(1e-3);
        }
        expect(d.incentives.length).toBe((incentives ?? []).filter((x) => x.incentiveAPR !== '0').length);
        incentiveAprs.set(p.id, incentiveApr);
      }

      // Net APY as Aave's interface computes it from math-utils' balances and APYs (incentives as
      // recomputed above, since math-utils' own are 1e-4 off as explained).
      let positive = 0;
      let negative = 0;
      for (const u of oracle.user.userReservesData) {
        const r = oracle.formattedReserves.find((x) => x.underlyingAsset === u.underlyingAsset);
        if (!r) continue;
        const supplied = Number(u.underlyingBalanceUSD);
        const borrowed = Number(u.variableBorrowsUSD);
        const asset = getAddress(u.underlyingAsset);
        positive += supplied * Number(r.supplyAPY);
        positive += supplied * (incentiveAprs.get(`${id}:aave-v3:supply:${asset}`) ?? 0);
        negative += borrowed * Number(r.variableBorrowAPY);
        positive += borrowed * (incentiveAprs.get(`${id}:aave-v3:borrow:${asset}`) ?? 0);
      }
      const netWorth = Number(oracle.user.netWorthUSD);
      const theirNet = (positive - negative) / netWorth;
      // math-utils' debts carry the relative error bounded above; it reaches the net APY through the
      // borrow cost and through net worth (collateral − debt), so leverage (debt / net worth) scales it.
      let borrowedUsd = 0;
      let maxBorrowApy = 0;
      for (const u of oracle.user.userReservesData) {
        const r = oracle.formattedReserves.find((x) => x.underlyingAsset === u.underlyingAsset);
        borrowedUsd += Number(u.variableBorrowsUSD);
        maxBorrowApy = Math.max(maxBorrowApy, Number(r?.variableBorrowAPY ?? 0));
      }
      const tolerance = (debtRelBound * borrowedUsd * (maxBorrowApy + Math.abs(theirNet))) / netWorth + 5e-10;
      expect(
        Math.abs((summary?.netApy ?? Number.NaN) - theirNet),
        `${id} ${role} net APY`,
      ).toBeLessThanOrEqual(tolerance);
      expect(summary?.netApyNote).toBeNull();
    }
  });

  it('chain 10: incentives accrue and the unclaimed amount equals RewardsController.getUserRewards', async () => {
    const incentives = AAVE_INCENTIVES[10];
    expect(incentives).toBeDefined();
    const gov = tokenAddress(10, GOV_TOKEN[10]);
    for (const role of ROLES) {
      const owner = account(role);
      const { positions, summary, block } = await readAave(10, owner);
      expect(summary?.incentives).toEqual({ state: 'read', rewards: 1 });
      const claim = positions.find((p) => p.id === `10:aave-v3:incentives`);
      const list = await read<readonly Address[]>(
        clients[10],
        contract(10, 'AaveV3Pool'),
        ABI.pool,
        'getReservesList',
        [],
        block,
      );
      const tokens: Address[] = [];
      for (const asset of list) {
        const [a, , v] = await read<readonly Address[]>(
          clients[10],
          contract(10, 'AaveV3ProtocolDataProvider'),
          ABI.dataProvider,
          'getReserveTokensAddresses',
          [asset],
          block,
        );
        tokens.push(a as Address, v as Address);
      }
      const owed = await read<bigint>(
        clients[10],
        contract(10, 'AaveV3RewardsController'),
        ABI.rewards,
        'getUserRewards',
        [tokens, owner, gov],
        block,
      );
      expect(owed).toBeGreaterThan(0n);
      expect(claim?.rewards).toHaveLength(1);
      expect(claim?.rewards[0]?.amount).toBe(owed);
      expect(claim?.rewards[0]?.token).toBe(gov);
      expect(claim?.rewards[0]?.usdE18).not.toBeNull();
    }
    for (const id of [42161, 324] as const) {
      const { positions, summary } = await readAave(id, account('demo'));
      expect(summary?.incentives).toEqual({ state: 'none' });
      expect(positions.some((p) => p.kind === 'farming')).toBe(false);
      expect(positions.every((p) => p.yield?.rewardApr === 0)).toBe(true);
    }
  });
});

describe('receipts', () => {
  it.each(CHAIN_IDS)(
    'chain %i: an aToken and a debt token added to the wallet are shown there but counted once',
    async (id) => {
      const owner = manifest.accounts.demo as Address;
      const plain = await readAave(id, owner);
      const supply = plain.positions.find((p) => p.kind === 'supply');
      const borrow = plain.positions.find((p) => p.kind === 'borrow');
      if (!supply || !borrow) throw new Error(`the demo has no Aave supply and borrow on ${id}`);
      const [aToken, , debtToken] = await read<readonly Address[]>(
        clients[id],
        contract(id, 'AaveV3ProtocolDataProvider'),
        ABI.dataProvider,
        'getReserveTokensAddresses',
        [details(supply).asset],
        plain.block,
      );
      const [, , borrowDebt] = await read<readonly Address[]>(
        clients[id],
        contract(id, 'AaveV3ProtocolDataProvider'),
        ABI.dataProvider,
        'getReserveTokensAddresses',
        [details(borrow).asset],
        plain.block,
      );
      const chain = await readChainPortfolio({
        network,
        chainId: id,
        client: clients[id],
        owner,
        protocols: [aaveV3Module],
        extraTokens: [aToken as Address, borrowDebt as Address, debtToken as Address],
        // The same block as the plain read: the devnet mines every second and interest moves totals.
        blockNumber: plain.block,
      });
      const walletRow = (token: string) =>
        chain.positions.find((p) => p.id === `${id}:wallet:${getAddress(token)}`);
      // The aToken's balance is the supply (the token's own balanceOf), shown in the wallet…
      expect(walletRow(aToken as string)?.assets[0]?.amount).toBe(supply.assets[0]?.amount);
      expect(walletRow(aToken as string)?.countedIn).toBe(supply.id);
      expect(walletRow(borrowDebt as string)?.countedIn).toBe(borrow.id);
      // …and the chain's total is the same with or without the receipts in the wallet list.
      expect(chainTotal(chain).usdE18).toBe(chainTotal(plain.chain).usdE18);
    },
  );
});

describe('the reserve-by-reserve path (the one mainnet uses)', () => {
  it.each(CHAIN_IDS)('chain %i: gives what the lens gives', async (id) => {
    for (const role of ROLES) {
      const owner = account(role);
      // One block for both, already below the head: the devnet mines every second and interest moves every
      // figure, and anvil runs a call at its head block with the next block's timestamp (one more second of
      // interest), so a read at the head and one at the same block a moment later would differ.
      const at = (await clients[id].getBlockNumber()) - 1n;
      const lens = await readAave(id, owner, aaveV3Module, at);
      const pool = await readAave(id, owner, poolPathReader, at);
      expect(pool.block).toBe(lens.block);
      expect(lens.summary?.source).toBe('ui-pool-data-provider');
      expect(pool.summary?.source).toBe('pool-data-provider');
      expect(pool.positions).toEqual(lens.positions);
      expect({ ...pool.summary, source: null }).toEqual({ ...lens.summary, source: null });
    }
  });
});

describe('bad input', () => {
  const id = 42161 as const;
  const chain = new DevnetChain(id, network.chains[id].rpcUrl, []);
  const deployer = account('deployer');
  let revert: () => Promise<void>;
  beforeEach(async () => {
    revert = await snapshotChain(chain);
  });
  afterEach(async () => {
    await revert();
  });

  it('a frozen and a paused reserve are shown as such, the rest renders; flags match the data provider', async () => {
    const configurator = contract(id, 'AaveV3PoolConfigurator');
    const usdc = tokenAddress(id, 'USDC');
    const weth = tokenAddress(id, 'WETH');
    await chain.write(deployer, configurator, ABI.configurator, 'setReserveFreeze', [usdc, true]);
    await chain.write(deployer, configurator, ABI.configurator, 'setReservePause', [weth, true]);

    for (const reader of [aaveV3Module, poolPathReader]) {
      const { positions, summary, block } = await readAave(id, account('demo'), reader);
      expect(positions).toHaveLength(3);
      const borrow = positions.find((p) => p.id === `${id}:aave-v3:borrow:${usdc}`);
      const supply = positions.find((p) => p.id === `${id}:aave-v3:supply:${weth}`);
      expect(borrow?.warning).toMatch(/frozen/);
      expect(details(borrow as Position).reserve.frozen).toBe(true);
      expect(supply?.warning).toMatch(/paused/);
      expect(details(supply as Position).reserve.paused).toBe(true);
      expect(positions.find((p) => p.label === 'wstETH')?.warning).toBeNull();
      expect(summary?.notices.map((n) => `${n.symbol}:${n.issue}`).sort()).toEqual([
        'USDC:frozen',
        'WETH:paused',
      ]);
      const [, , , , , hf] = await read<readonly bigint[]>(
        clients[id],
        contract(id, 'AaveV3Pool'),
        ABI.pool,
        'getUserAccountData',
        [account('demo')],
        block,
      );
      expect(summary?.health.state === 'active' && summary.health.factorWad).toBe(hf);

      // The flags the reader decodes from the configuration bitmap, against the data provider's getters.
      for (const p of positions) {
        const d = details(p);
        const config = await read<
          readonly [bigint, bigint, bigint, bigint, bigint, boolean, boolean, boolean, boolean, boolean]
        >(
          clients[id],
          contract(id, 'AaveV3ProtocolDataProvider'),
          ABI.dataProvider,
          'getReserveConfigurationData',
          [d.asset],
          block,
        );
        const paused = await read<boolean>(
          clients[id],
          contract(id, 'AaveV3ProtocolDataProvider'),
          ABI.dataProvider,
          'getPaused',
          [d.asset],
          block,
        );
        expect({
          ltv: d.ltvBps,
          threshold: d.liquidationThresholdBps,
          collateral: d.reserve.collateralEnabled,
          borrowing: d.reserve.borrowingEnabled,
          active: d.reserve.active,
          frozen: d.reserve.frozen,
          paused: d.reserve.paused,
        }).toEqual({
          ltv: config[1],
          threshold: config[2],
          collateral: config[5],
          borrowing: config[6],
          active: config[8],
          frozen: config[9],
          paused,
        });
      }
    }
  });

  it('an asset whose price source reverts: the lens fails, the reserves are read one by one, the rest renders', async () => {
    const wsteth = tokenAddress(id, 'wstETH');
    // An address without code: AaveOracle's call to latestAnswer() reverts.
    const dead = '0x000000000000000000000000000000000000dEaD';
    await chain.write(deployer, contract(id, 'AaveV3Oracle'), ABI.oracle, 'setAssetSources', [
      [wsteth],
      [dead],
    ]);

    const demo = await readAave(id, account('demo'));
    expect(demo.chain.protocolErrors).toEqual([]);
    expect(demo.summary?.source).toBe('pool-data-provider');
    expect(demo.summary?.warnings[0]).toMatch(/UiPoolDataProviderV3 failed/);
    expect(demo.summary?.health.state).toBe('unavailable');
    expect(demo.summary?.account).toBeNull();
    expect(demo.summary?.netApy).toBeNull();
    expect(demo.summary?.netApyNote).toMatch(/no price/);
    expect(demo.summary?.notices).toContainEqual(
      expect.objectContaining({ symbol: 'wstETH', issue: 'price-unavailable' }),
    );
    expect(demo.positions).toHaveLength(3);
    const w = demo.positions.find((p) => p.label === 'wstETH');
    expect(w?.warning).toMatch(/Aave oracle has no price/);
    expect(details(w as Position).priceInBase).toBeNull();
    // Still valued by the app's own feed, which is fine.
    expect(w?.assets[0]?.price.status).toBe('ok');
    for (const p of demo.positions) {
      const [aToken, , variableDebt] = await read<readonly Address[]>(
        clients[id],
        contract(id, 'AaveV3ProtocolDataProvider'),
        ABI.dataProvider,
        'getReserveTokensAddresses',
        [details(p).asset],
        demo.block,
      );
      const token = (p.kind === 'supply' ? aToken : variableDebt) as Address;
      expect(p.assets[0]?.amount).toBe(
        await read<bigint>(clients[id], token, ABI.erc20, 'balanceOf', [account('demo')], demo.block),
      );
    }

    // An account that does not hold wstETH keeps its health factor.
    const near = await readAave(id, account('nearLiquidation'));
    expect(near.summary?.health.state).toBe('active');
    expect(near.summary?.account?.healthFactorWad).toBe(
      (
        await read<readonly bigint[]>(
          clients[id],
          contract(id, 'AaveV3Pool'),
          ABI.pool,
          'getUserAccountData',
          [account('nearLiquidation')],
          near.block,
        )
      )[5],
    );
  });

  it('a market absent on a chain is skipped there; the other chains still show theirs', async () => {
    const without: Network = {
      ...network,
      chains: {
        ...network.chains,
        324: {
          ...network.chains[324],
          contracts: Object.fromEntries(
            Object.entries(network.chains[324].contracts).filter(([name]) => !name.startsWith('AaveV3')),
          ),
        },
      },
    };
    const portfolio = await readPortfolio(without, account('demo'), clients);
    const byId = Object.fromEntries(portfolio.chains.map((c) => [c.chainId, c]));
    expect(byId[324]?.error).toBeNull();
    expect(byId[324]?.protocolErrors).toEqual([]);
    expect(byId[324]?.summaries.filter((s) => s.type === 'aave-v3')).toEqual([]);
    expect(byId[324]?.positions.some((p) => p.protocol === 'aave-v3')).toBe(false);
    expect(byId[324]?.positions.some((p) => p.protocol === 'wallet')).toBe(true);
    for (const other of [10, 42161]) {
      expect(byId[other]?.positions.filter((p) => p.protocol === 'aave-v3').length).toBeGreaterThan(0);
    }
  });

  it('a market address with no contract behind it is one protocol error, not a blank chain', async () => {
    const nowhere = '0x00000000000000000000000000000000DeaDBeef';
    const broken: Network = {
      ...network,
      chains: {
        ...network.chains,
        [id]: {
          ...network.chains[id],
          contracts: Object.fromEntries(
            Object.entries(network.chains[id].contracts).map(([name, address]) => [
              name,
              name.startsWith('AaveV3') ? nowhere : address,
            ]),
          ),
        },
      },
    };
    const chainRead = await readChainPortfolio({
      network: broken,
      chainId: id,
      client: clients[id],
      owner: account('demo'),
    });
    expect(chainRead.error).toBeNull();
    expect(chainRead.protocolErrors).toEqual([
      { protocol: 'aave-v3', error: expect.stringMatching(/no Aave V3 market answers/) },
    ]);
    expect(chainRead.positions.filter((p) => p.protocol === 'wallet').length).toBeGreaterThan(0);
  });
});

describe('round trips', () => {
  it('one request for the whole read, the market’s every level included (round 1, lens.ts), on both paths', async () => {
    const count = async (id: ChainId, reader: RegisteredModule) => {
      const before = requests.count;
      await readAave(id, account('demo'), reader);
      return requests.count - before;
    };
    // The block, the wallet and prices and every Aave level (incentives, reserve by reserve) in one eth_call.
    for (const id of CHAIN_IDS) {
      expect(await count(id, aaveV3Module)).toBe(1);
      expect(await count(id, poolPathReader)).toBe(1);
    }
  });
});

describe('the mainnet address check (npm run check:mainnet), run on the devnet market', () => {
  it.each(CHAIN_IDS)('chain %i: passes on the real market and catches a wrong table entry', async (id) => {
    const market = devnetAaveV3Market(network.chains[id].contracts);
    if (!market) throw new Error(`no Aave V3 market on ${id}`);
    const weth = tokenAddress(id, 'WETH');
    const batch = new Batch();
    const good = addAaveV3Checks(batch, market, weth);
    const wrong = addAaveV3Checks(batch, { ...market, oracle: market.dataProvider }, weth);
    await batch.execute(clients[id], { multicall3: CHAINS[id].multicall3 });
    expect(good.map(([label, , result]) => [label, result().ok])).toEqual(
      good.map(([label]) => [label, true]),
    );
    const oracle = wrong.find(([label]) => label === 'Aave V3 oracle (provider)');
    expect(oracle?.[2]()).toEqual({ ok: false, error: `the provider says ${market.oracle}` });
    expect(good.some(([label]) => label === 'Aave V3 rewards controller')).toBe(id === 10);
  });
});

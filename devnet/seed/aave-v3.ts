import { type Address, maxUint256, parseUnits, zeroAddress } from 'viem';
import { devnetFeedName } from '../../lib/chains/network';
import type { ChainId } from '../../lib/chains/registry';
import { type Artifact, linkBytecode, loadArtifact } from '../artifacts';
import { GOV_TOKEN, MINTABLE_ERC20, WETH9 } from './base';
import type { SeedContext, SeedModule } from './types';

/**
 * Aave V3 on every devnet chain, from the official npm artifacts: `@aave/core-v3` 1.19.3 (the protocol,
 * v3.0.x) and `@aave/periphery-v3` 3.0.1 (UiPoolDataProviderV3, UiIncentiveDataProviderV3, the rewards
 * controller). Reserves: WETH, USDC, USDT, wstETH and the chain's governance token, priced by the base
 * module's Chainlink feeds. Accounts: `deployer` supplies the market's liquidity and borrows to give it
 * utilisation; `demo` supplies two assets and borrows one (health factor about 1.8); `nearLiquidation`
 * borrows close to its limit (about 1.05); `supplierOnly` has no debt. Then 30 days pass.
 */

const CORE = '@aave/core-v3/artifacts/contracts';
const PERIPHERY = '@aave/periphery-v3/artifacts/contracts';
const art = (path: string): Artifact => loadArtifact(path);

const ARTIFACTS = {
  provider: `${CORE}/protocol/configuration/PoolAddressesProvider.sol/PoolAddressesProvider.json`,
  acl: `${CORE}/protocol/configuration/ACLManager.sol/ACLManager.json`,
  pool: `${CORE}/protocol/pool/Pool.sol/Pool.json`,
  configurator: `${CORE}/protocol/pool/PoolConfigurator.sol/PoolConfigurator.json`,
  oracle: `${CORE}/misc/AaveOracle.sol/AaveOracle.json`,
  dataProvider: `${CORE}/misc/AaveProtocolDataProvider.sol/AaveProtocolDataProvider.json`,
  aToken: `${CORE}/protocol/tokenization/AToken.sol/AToken.json`,
  variableDebt: `${CORE}/protocol/tokenization/VariableDebtToken.sol/VariableDebtToken.json`,
  stableDebt: `${CORE}/protocol/tokenization/StableDebtToken.sol/StableDebtToken.json`,
  strategy: `${CORE}/protocol/pool/DefaultReserveInterestRateStrategy.sol/DefaultReserveInterestRateStrategy.json`,
  uiPool: `${PERIPHERY}/misc/UiPoolDataProviderV3.sol/UiPoolDataProviderV3.json`,
  uiIncentives: `${PERIPHERY}/misc/UiIncentiveDataProviderV3.sol/UiIncentiveDataProviderV3.json`,
  rewards: `${PERIPHERY}/rewards/RewardsController.sol/RewardsController.json`,
  pullStrategy: `${PERIPHERY}/rewards/transfer-strategies/PullRewardsTransferStrategy.sol/PullRewardsTransferStrategy.json`,
} as const;

const LOGIC_LIBRARIES = [
  'SupplyLogic',
  'BorrowLogic',
  'LiquidationLogic',
  'EModeLogic',
  'BridgeLogic',
  'PoolLogic',
] as const;

const RAY = 10n ** 27n;
const pct = (percent: number) => (BigInt(Math.round(percent * 100)) * RAY) / 10_000n;

/** Interest rate curves (DefaultReserveInterestRateStrategy), close to Aave's own on these chains. */
const CURVES = {
  eth: { optimal: pct(90), base: 0n, slope1: pct(3.3), slope2: pct(80) },
  stable: { optimal: pct(90), base: 0n, slope1: pct(6.5), slope2: pct(60) },
  lst: { optimal: pct(45), base: 0n, slope1: pct(4.5), slope2: pct(80) },
  gov: { optimal: pct(45), base: 0n, slope1: pct(7), slope2: pct(300) },
} as const;

type Curve = keyof typeof CURVES;

interface ReserveSpec {
  symbol: string;
  decimals: number;
  curve: Curve;
  /** Basis points. */
  ltv: number;
  liquidationThreshold: number;
  liquidationBonus: number;
  reserveFactor: number;
}

export function aaveReserves(chainId: ChainId): ReserveSpec[] {
  return [
    {
      symbol: 'WETH',
      decimals: 18,
      curve: 'eth',
      ltv: 8000,
      liquidationThreshold: 8250,
      liquidationBonus: 10500,
      reserveFactor: 1500,
    },
    {
      symbol: 'USDC',
      decimals: 6,
      curve: 'stable',
      ltv: 7500,
      liquidationThreshold: 7800,
      liquidationBonus: 10500,
      reserveFactor: 1000,
    },
    {
      symbol: 'USDT',
      decimals: 6,
      curve: 'stable',
      ltv: 7500,
      liquidationThreshold: 7800,
      liquidationBonus: 10500,
      reserveFactor: 1000,
    },
    {
      symbol: 'wstETH',
      decimals: 18,
      curve: 'lst',
      ltv: 7100,
      liquidationThreshold: 7900,
      liquidationBonus: 10600,
      reserveFactor: 1500,
    },
    {
      symbol: GOV_TOKEN[chainId],
      decimals: 18,
      curve: 'gov',
      ltv: 5000,
      liquidationThreshold: 6000,
      liquidationBonus: 11000,
      reserveFactor: 2000,
    },
  ];
}

/** What each account supplies and borrows (whole tokens), identical on every chain but for the gov token. */
export const AAVE_SEED = {
  /** The market's own liquidity and utilisation. */
  deployerSupply: { WETH: '500', USDC: '2000000', USDT: '1500000', wstETH: '1000', GOV: '2000000' },
  deployerBorrow: { WETH: '300', USDC: '1200000', USDT: '900000', wstETH: '200', GOV: '500000' },
  /**
   * Health factor 1.81 at the borrow, (3 × 3000 × 0.825 + 2 × 3600 × 0.79) / 7250, about 1.80 once a
   * month of interest has accrued.
   */
  demoSupply: { WETH: '3', wstETH: '2' },
  demoBorrow: { USDC: '7250' },
  /** Health factor 1.055 at the borrow, 10 × 3000 × 0.825 / 23450, about 1.05 a month later. */
  nearLiquidationSupply: { WETH: '10' },
  nearLiquidationBorrow: { USDC: '23450' },
  supplierOnlySupply: { USDC: '25000', WETH: '2' },
  /** Days between the seeding and the devnet's final blocks; a touch of WETH and USDC halfway. */
  accrualDays: 30n,
} as const;

/**
 * Liquidity-mining incentives on chain 10 only (so the other two chains run without a rewards
 * controller): the governance token is emitted to WETH suppliers and USDC variable borrowers.
 */
export const AAVE_INCENTIVES: Partial<
  Record<ChainId, { supply: string; borrow: string; emissionPerSecond: { supply: bigint; borrow: bigint } }>
> = {
  10: {
    supply: 'WETH',
    borrow: 'USDC',
    emissionPerSecond: { supply: 530_000_000_000_000n, borrow: 108_000_000_000_000n },
  },
};

const DAY = 86_400n;

async function seedAave(ctx: SeedContext): Promise<void> {
  const { chain, accounts, chainId } = ctx;
  const { deployer, demo, nearLiquidation, supplierOnly } = accounts;
  const gov = GOV_TOKEN[chainId];
  const token = (symbol: string): Address => {
    const address = chain.tokens[symbol];
    if (!address) throw new Error(`aave seed: token ${symbol} missing on chain ${chainId} (base module?)`);
    return address;
  };
  const feed = (symbol: string): Address => {
    const address = chain.contracts[devnetFeedName(symbol)];
    if (!address) throw new Error(`aave seed: feed for ${symbol} missing on chain ${chainId}`);
    return address;
  };

  const A = {
    provider: art(ARTIFACTS.provider),
    acl: art(ARTIFACTS.acl),
    pool: art(ARTIFACTS.pool),
    configurator: art(ARTIFACTS.configurator),
    oracle: art(ARTIFACTS.oracle),
    dataProvider: art(ARTIFACTS.dataProvider),
    erc20: art(MINTABLE_ERC20),
    weth: art(WETH9),
  };

  // Addresses provider, then the pool and configurator behind the provider's proxies.
  const provider = await chain.deploy(deployer, A.provider, ['Layerglass devnet', deployer]);
  const libraries: Record<string, Address> = {};
  for (const name of LOGIC_LIBRARIES) {
    libraries[name] = await chain.deploy(
      deployer,
      art(`${CORE}/protocol/libraries/logic/${name}.sol/${name}.json`),
    );
  }
  const flashLoan = art(`${CORE}/protocol/libraries/logic/FlashLoanLogic.sol/FlashLoanLogic.json`);
  libraries.FlashLoanLogic = await chain.deploy(deployer, flashLoan, [], linkBytecode(flashLoan, libraries));
  const poolImpl = await chain.deploy(deployer, A.pool, [provider], linkBytecode(A.pool, libraries));
  await chain.write(deployer, provider, A.provider.abi, 'setPoolImpl', [poolImpl]);
  const pool = await chain.read<Address>(provider, A.provider.abi, 'getPool');

  const configuratorLogic = await chain.deploy(
    deployer,
    art(`${CORE}/protocol/libraries/logic/ConfiguratorLogic.sol/ConfiguratorLogic.json`),
  );
  const configuratorImpl = await chain.deploy(
    deployer,
    A.configurator,
    [],
    linkBytecode(A.configurator, { ConfiguratorLogic: configuratorLogic }),
  );
  await chain.write(deployer, provider, A.provider.abi, 'setPoolConfiguratorImpl', [configuratorImpl]);
  const configurator = await chain.read<Address>(provider, A.provider.abi, 'getPoolConfigurator');

  // Roles: the deployer administers everything (pool admin can freeze and pause reserves).
  await chain.write(deployer, provider, A.provider.abi, 'setACLAdmin', [deployer]);
  const acl = await chain.deploy(deployer, A.acl, [provider]);
  await chain.write(deployer, provider, A.provider.abi, 'setACLManager', [acl]);
  await chain.write(deployer, acl, A.acl.abi, 'addPoolAdmin', [deployer]);

  // Oracle: USD base currency (address 0, unit 1e8), one Chainlink feed per asset.
  const reserves = aaveReserves(chainId);
  const assets = reserves.map((r) => token(r.symbol));
  const oracle = await chain.deploy(deployer, A.oracle, [
    provider,
    assets,
    reserves.map((r) => feed(r.symbol)),
    zeroAddress,
    zeroAddress,
    10n ** 8n,
  ]);
  await chain.write(deployer, provider, A.provider.abi, 'setPriceOracle', [oracle]);
  const dataProvider = await chain.deploy(deployer, A.dataProvider, [provider]);
  await chain.write(deployer, provider, A.provider.abi, 'setPoolDataProvider', [dataProvider]);

  // Rewards controller (chain 10 only), set as the incentives controller of every token at init.
  const incentives = AAVE_INCENTIVES[chainId];
  let rewardsController: Address = zeroAddress;
  const rewardsArtifact = art(ARTIFACTS.rewards);
  if (incentives) {
    rewardsController = await chain.deploy(deployer, rewardsArtifact);
    await chain.write(deployer, rewardsController, rewardsArtifact.abi, 'initialize', [deployer]);
  }

  // Reserves: token implementations, one rate strategy per curve, then initReserves.
  const aTokenImpl = await chain.deploy(deployer, art(ARTIFACTS.aToken), [pool]);
  const variableDebtImpl = await chain.deploy(deployer, art(ARTIFACTS.variableDebt), [pool]);
  const stableDebtImpl = await chain.deploy(deployer, art(ARTIFACTS.stableDebt), [pool]);
  const strategyArtifact = art(ARTIFACTS.strategy);
  const strategies: Partial<Record<Curve, Address>> = {};
  for (const curve of new Set(reserves.map((r) => r.curve))) {
    const c = CURVES[curve];
    strategies[curve] = await chain.deploy(deployer, strategyArtifact, [
      provider,
      c.optimal,
      c.base,
      c.slope1,
      c.slope2,
      0n,
      0n,
      0n,
      0n,
      0n,
    ]);
  }
  await chain.write(deployer, configurator, A.configurator.abi, 'initReserves', [
    reserves.map((r, i) => ({
      aTokenImpl,
      stableDebtTokenImpl: stableDebtImpl,
      variableDebtTokenImpl: variableDebtImpl,
      underlyingAssetDecimals: r.decimals,
      interestRateStrategyAddress: strategies[r.curve],
      underlyingAsset: assets[i],
      treasury: deployer,
      incentivesController: rewardsController,
      aTokenName: `Aave V3 ${r.symbol}`,
      aTokenSymbol: `a${r.symbol}`,
      variableDebtTokenName: `Aave V3 Variable Debt ${r.symbol}`,
      variableDebtTokenSymbol: `variableDebt${r.symbol}`,
      stableDebtTokenName: `Aave V3 Stable Debt ${r.symbol}`,
      stableDebtTokenSymbol: `stableDebt${r.symbol}`,
      params: '0x',
    })),
  ]);
  for (const [i, r] of reserves.entries()) {
    const asset = assets[i];
    await chain.write(deployer, configurator, A.configurator.abi, 'configureReserveAsCollateral', [
      asset,
      r.ltv,
      r.liquidationThreshold,
      r.liquidationBonus,
    ]);
    await chain.write(deployer, configurator, A.configurator.abi, 'setReserveBorrowing', [asset, true]);
    await chain.write(deployer, configurator, A.configurator.abi, 'setReserveFactor', [
      asset,
      r.reserveFactor,
    ]);
  }

  // Lens contracts (periphery 3.0.1). The ETH/USD feed is the network base token's price.
  const uiPool = await chain.deploy(deployer, art(ARTIFACTS.uiPool), [feed('ETH'), feed('ETH')]);

  Object.assign(chain.contracts, {
    AaveV3PoolAddressesProvider: provider,
    AaveV3Pool: pool,
    AaveV3PoolConfigurator: configurator,
    AaveV3ACLManager: acl,
    AaveV3Oracle: oracle,
    AaveV3ProtocolDataProvider: dataProvider,
    AaveV3UiPoolDataProvider: uiPool,
  });

  const reserveTokens = async (asset: Address) =>
    chain.read<readonly [Address, Address, Address]>(
      dataProvider,
      A.dataProvider.abi,
      'getReserveTokensAddresses',
      [asset],
    );

  if (incentives) {
    const strategy = await chain.deploy(deployer, art(ARTIFACTS.pullStrategy), [
      rewardsController,
      deployer,
      deployer,
    ]);
    const [aToken] = await reserveTokens(token(incentives.supply));
    const [, , variableDebt] = await reserveTokens(token(incentives.borrow));
    const distributionEnd = ctx.genesis + 365n * DAY;
    await chain.write(deployer, rewardsController, rewardsArtifact.abi, 'configureAssets', [
      [
        [aToken, incentives.emissionPerSecond.supply],
        [variableDebt, incentives.emissionPerSecond.borrow],
      ].map(([asset, emissionPerSecond]) => ({
        emissionPerSecond,
        totalSupply: 0n,
        distributionEnd: Number(distributionEnd),
        asset,
        reward: token(gov),
        transferStrategy: strategy,
        rewardOracle: feed(gov),
      })),
    ]);
    chain.contracts.AaveV3RewardsController = rewardsController;
    // The incentives lens (periphery 3.0.1) calls the debt tokens' controller without checking it is
    // set, so it reverts on a market without one: it only exists where incentives do. Tests use it as
    // an oracle; the app reads the controller directly.
    chain.contracts.AaveV3UiIncentiveDataProvider = await chain.deploy(deployer, art(ARTIFACTS.uiIncentives));
  }

  // Positions. Tokens are minted (or ETH wrapped) for exactly what is supplied, and what the demo
  // borrows leaves its wallet, so the demo's wallet balances stay as the base module set them.
  const symbolOf = (key: string) => (key === 'GOV' ? gov : key);
  const decimalsOf = (symbol: string) => reserves.find((r) => r.symbol === symbol)?.decimals ?? 18;
  const units = (key: string, amount: string) => parseUnits(amount, decimalsOf(symbolOf(key)));
  const approved = new Set<string>();
  const fund = async (who: Address, symbol: string, amount: bigint) => {
    if (symbol === 'WETH') await chain.write(who, token('WETH'), A.weth.abi, 'deposit', [], amount);
    // Minted by the deployer: OP's GovernanceToken lets only its owner mint.
    else await chain.write(deployer, token(symbol), A.erc20.abi, 'mint', [who, amount]);
  };
  const supply = async (who: Address, list: Record<string, string>) => {
    for (const [key, amount] of Object.entries(list)) {
      const symbol = symbolOf(key);
      const value = units(key, amount);
      await fund(who, symbol, value);
      if (!approved.has(`${who}:${symbol}`)) {
        await chain.write(who, token(symbol), A.erc20.abi, 'approve', [pool, maxUint256]);
        approved.add(`${who}:${symbol}`);
      }
      await chain.write(who, pool, A.pool.abi, 'supply', [token(symbol), value, who, 0]);
    }
  };
  const borrow = async (who: Address, list: Record<string, string>, sendTo?: Address) => {
    for (const [key, amount] of Object.entries(list)) {
      const symbol = symbolOf(key);
      const value = units(key, amount);
      // Interest rate mode 2 = variable.
      await chain.write(who, pool, A.pool.abi, 'borrow', [token(symbol), value, 2, 0, who]);
      if (sendTo) await chain.write(who, token(symbol), A.erc20.abi, 'transfer', [sendTo, value]);
    }
  };

  await supply(deployer, AAVE_SEED.deployerSupply);
  await borrow(deployer, AAVE_SEED.deployerBorrow);
  await supply(demo, AAVE_SEED.demoSupply);
  await borrow(demo, AAVE_SEED.demoBorrow, deployer);
  await supply(nearLiquidation, AAVE_SEED.nearLiquidationSupply);
  await borrow(nearLiquidation, AAVE_SEED.nearLiquidationBorrow);
  await supply(supplierOnly, AAVE_SEED.supplierOnlySupply);

  // The month of interest passes in the shared simulated history (see `aaveSeed.history`).
  TOUCH.set(chain, async () => {
    await supply(deployer, { WETH: '1' });
    await supply(deployer, { USDC: '1000' });
  });
}

const TOUCH = new WeakMap<SeedContext['chain'], () => Promise<void>>();

/** Halfway through the month, the deployer touches WETH and USDC (their indexes move on). */
async function accrualDay(ctx: SeedContext, day: number): Promise<void> {
  if (day === Number(AAVE_SEED.accrualDays) / 2 + 1) await TOUCH.get(ctx.chain)?.();
}

export const aaveSeed: SeedModule = {
  name: 'aave',
  after: ['base'],
  seed: seedAave,
  // A month of interest accrues, so every reserve's index has moved since it was last touched.
  history: { days: Number(AAVE_SEED.accrualDays), onDay: accrualDay },
};

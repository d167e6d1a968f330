// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {CLPosition, readPosition} from "./SlipstreamTypes.sol";

interface IUniswapV3PoolState {
    function slot0() external view returns (uint160, int24, uint16, uint16, uint16, uint8, bool);
    function feeGrowthGlobal0X128() external view returns (uint256);
    function feeGrowthGlobal1X128() external view returns (uint256);
    function liquidity() external view returns (uint128);
    function token0() external view returns (address);
    function token1() external view returns (address);
    function tickSpacing() external view returns (int24);
    function fee() external view returns (uint24);
}

interface ICLGaugeView {
    function stakedLiquidityAt(int24 tick) external view returns (uint128);
    function stakedLiquidityNet(int24 tick) external view returns (int128);
    function stakedTokens() external view returns (uint256[] memory);
}

/// A Uniswap V3 tick as `ticks(tick)` returns it.
struct UniswapTick {
    uint128 liquidityGross;
    int128 liquidityNet;
    uint256 feeGrowthOutside0X128;
    uint256 feeGrowthOutside1X128;
    int56 tickCumulativeOutside;
    uint160 secondsPerLiquidityOutsideX128;
    uint32 secondsOutside;
    bool initialized;
}

/// STAND-IN (devnet only): a Slipstream-style CLPool's read interface (`slot0` without feeProtocol,
/// `ticks` with `stakedLiquidityNet` and `rewardGrowthOutsideX128`, `feeGrowthGlobal0X128/1X128`,
/// `liquidity`, `stakedLiquidity`, `gaugeFees`, `token0/1`, `tickSpacing`, `fee`, `gauge`, `nft`) answered
/// from a real Uniswap V3 pool (v3-core, from npm), which holds the liquidity and does the swaps.
/// `stakedLiquidity` is the gauge's staked liquidity whose range holds the current tick; `gaugeFees` the
/// fees the staked positions have accrued and not collected (Slipstream routes them to the gauge's voters).
/// Reward growth is not modelled (reported as 0).
contract SlipstreamPool {
    address public immutable underlying;
    address public immutable token0;
    address public immutable token1;
    int24 public immutable tickSpacing;
    uint24 public immutable fee;
    address public immutable nft;
    address public immutable admin;
    address public gauge;

    constructor(address _underlying, address _nft) {
        underlying = _underlying;
        token0 = IUniswapV3PoolState(_underlying).token0();
        token1 = IUniswapV3PoolState(_underlying).token1();
        tickSpacing = IUniswapV3PoolState(_underlying).tickSpacing();
        fee = IUniswapV3PoolState(_underlying).fee();
        nft = _nft;
        admin = msg.sender;
    }

    function setGauge(address _gauge) external {
        require(msg.sender == admin && gauge == address(0), "CLPool: gauge set");
        gauge = _gauge;
    }

    function slot0()
        external
        view
        returns (
            uint160 sqrtPriceX96,
            int24 tick,
            uint16 observationIndex,
            uint16 observationCardinality,
            uint16 observationCardinalityNext,
            bool unlocked
        )
    {
        (sqrtPriceX96, tick, observationIndex, observationCardinality, observationCardinalityNext, , unlocked) =
            IUniswapV3PoolState(underlying).slot0();
    }

    function feeGrowthGlobal0X128() public view returns (uint256) {
        return IUniswapV3PoolState(underlying).feeGrowthGlobal0X128();
    }

    function feeGrowthGlobal1X128() public view returns (uint256) {
        return IUniswapV3PoolState(underlying).feeGrowthGlobal1X128();
    }

    function liquidity() external view returns (uint128) {
        return IUniswapV3PoolState(underlying).liquidity();
    }

    function _tick(int24 tick) internal view returns (UniswapTick memory t) {
        (bool ok, bytes memory data) = underlying.staticcall(abi.encodeWithSignature("ticks(int24)", tick));
        require(ok, "CLPool: ticks");
        t = abi.decode(data, (UniswapTick));
    }

    function ticks(int24 tick)
        external
        view
        returns (
            uint128 liquidityGross,
            int128 liquidityNet,
            int128 stakedLiquidityNet,
            uint256 feeGrowthOutside0X128,
            uint256 feeGrowthOutside1X128,
            uint256 rewardGrowthOutsideX128,
            int56 tickCumulativeOutside,
            uint160 secondsPerLiquidityOutsideX128,
            uint32 secondsOutside,
            bool initialized
        )
    {
        UniswapTick memory t = _tick(tick);
        liquidityGross = t.liquidityGross;
        liquidityNet = t.liquidityNet;
        stakedLiquidityNet = gauge == address(0) ? int128(0) : ICLGaugeView(gauge).stakedLiquidityNet(tick);
        feeGrowthOutside0X128 = t.feeGrowthOutside0X128;
        feeGrowthOutside1X128 = t.feeGrowthOutside1X128;
        rewardGrowthOutsideX128 = 0;
        tickCumulativeOutside = t.tickCumulativeOutside;
        secondsPerLiquidityOutsideX128 = t.secondsPerLiquidityOutsideX128;
        secondsOutside = t.secondsOutside;
        initialized = t.initialized;
    }

    function _currentTick() internal view returns (int24 tick) {
        (, tick, , , , , ) = IUniswapV3PoolState(underlying).slot0();
    }

    function stakedLiquidity() external view returns (uint128) {
        if (gauge == address(0)) return 0;
        return ICLGaugeView(gauge).stakedLiquidityAt(_currentTick());
    }

    /// Fee growth inside [lower, upper) (Uniswap V3's Tick.getFeeGrowthInside, wrapping arithmetic).
    function _inside(int24 lower, int24 upper) internal view returns (uint256 inside0, uint256 inside1) {
        int24 tick = _currentTick();
        uint256 g0 = feeGrowthGlobal0X128();
        uint256 g1 = feeGrowthGlobal1X128();
        UniswapTick memory lo = _tick(lower);
        UniswapTick memory hi = _tick(upper);
        unchecked {
            uint256 below0 = tick >= lower ? lo.feeGrowthOutside0X128 : g0 - lo.feeGrowthOutside0X128;
            uint256 below1 = tick >= lower ? lo.feeGrowthOutside1X128 : g1 - lo.feeGrowthOutside1X128;
            uint256 above0 = tick < upper ? hi.feeGrowthOutside0X128 : g0 - hi.feeGrowthOutside0X128;
            uint256 above1 = tick < upper ? hi.feeGrowthOutside1X128 : g1 - hi.feeGrowthOutside1X128;
            inside0 = g0 - below0 - above0;
            inside1 = g1 - below1 - above1;
        }
    }

    function gaugeFees() external view returns (uint128, uint128) {
        if (gauge == address(0)) return (0, 0);
        uint256[] memory staked = ICLGaugeView(gauge).stakedTokens();
        uint256 sum0;
        uint256 sum1;
        for (uint256 i = 0; i < staked.length; i++) {
            CLPosition memory p = readPosition(nft, staked[i]);
            (uint256 inside0, uint256 inside1) = _inside(p.tickLower, p.tickUpper);
            unchecked {
                sum0 += p.tokensOwed0 + Math.mulDiv(inside0 - p.feeGrowthInside0LastX128, p.liquidity, 1 << 128);
                sum1 += p.tokensOwed1 + Math.mulDiv(inside1 - p.feeGrowthInside1LastX128, p.liquidity, 1 << 128);
            }
        }
        return (uint128(sum0), uint128(sum1));
    }
}

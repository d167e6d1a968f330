// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

interface IVeloPoolFactory {
    function getFee(address pool, bool stable) external view returns (uint256);
}

/// STAND-IN (devnet only): a Velodrome V2-style pool written for the devnet from Velodrome's documented
/// read interface (`metadata`, `getReserves`, `tokens`, `stable`, `index0/1`, `supplyIndex0/1`,
/// `claimable0/1`), since Velodrome's code is not on npm. Volatile pools trade on x·y = k, stable pools on
/// x³y + xy³ = k. The swap fee (basis points, from the factory) is kept out of the reserves and accounted
/// per LP token in `index0/1`; an account's share is checkpointed into `claimable0/1` whenever its balance
/// changes, so pending fees = claimable + balance × (index − supplyIndex) / 1e18.
contract VeloPool is ERC20 {
    address public immutable factory;
    address public immutable token0;
    address public immutable token1;
    bool public immutable stable;
    uint256 internal immutable decimals0;
    uint256 internal immutable decimals1;

    uint256 public reserve0;
    uint256 public reserve1;
    uint256 public blockTimestampLast;

    uint256 public index0;
    uint256 public index1;
    mapping(address => uint256) public supplyIndex0;
    mapping(address => uint256) public supplyIndex1;
    mapping(address => uint256) public claimable0;
    mapping(address => uint256) public claimable1;

    uint256 internal constant MINIMUM_LIQUIDITY = 1000;
    address internal constant DEAD = 0x000000000000000000000000000000000000dEaD;

    constructor(address _token0, address _token1, bool _stable, uint8 _decimals0, uint8 _decimals1)
        ERC20(_stable ? "Stable AMM LP" : "Volatile AMM LP", _stable ? "sAMM" : "vAMM")
    {
        factory = msg.sender;
        token0 = _token0;
        token1 = _token1;
        stable = _stable;
        decimals0 = 10 ** _decimals0;
        decimals1 = 10 ** _decimals1;
    }

    function tokens() external view returns (address, address) {
        return (token0, token1);
    }

    function getReserves() external view returns (uint256, uint256, uint256) {
        return (reserve0, reserve1, blockTimestampLast);
    }

    function metadata()
        external
        view
        returns (uint256 dec0, uint256 dec1, uint256 r0, uint256 r1, bool st, address t0, address t1)
    {
        return (decimals0, decimals1, reserve0, reserve1, stable, token0, token1);
    }

    /// Checkpoints an account's fee share before its balance changes.
    function _updateFor(address account) internal {
        uint256 supplied = balanceOf(account);
        if (supplied > 0) {
            claimable0[account] += (supplied * (index0 - supplyIndex0[account])) / 1e18;
            claimable1[account] += (supplied * (index1 - supplyIndex1[account])) / 1e18;
        }
        supplyIndex0[account] = index0;
        supplyIndex1[account] = index1;
    }

    function _update(address from, address to, uint256 value) internal override {
        if (from != address(0)) _updateFor(from);
        if (to != address(0)) _updateFor(to);
        super._update(from, to, value);
    }

    function _sync() internal {
        reserve0 = IERC20(token0).balanceOf(address(this)) - _fees0Held;
        reserve1 = IERC20(token1).balanceOf(address(this)) - _fees1Held;
        blockTimestampLast = block.timestamp;
    }

    uint256 internal _fees0Held;
    uint256 internal _fees1Held;

    function _sqrt(uint256 y) internal pure returns (uint256 z) {
        if (y > 3) {
            z = y;
            uint256 x = y / 2 + 1;
            while (x < z) {
                z = x;
                x = (y / x + x) / 2;
            }
        } else if (y != 0) {
            z = 1;
        }
    }

    /// Adds liquidity from tokens already transferred in (as Uniswap V2 / Velodrome `mint`).
    function mint(address to) external returns (uint256 liquidity) {
        uint256 balance0 = IERC20(token0).balanceOf(address(this)) - _fees0Held;
        uint256 balance1 = IERC20(token1).balanceOf(address(this)) - _fees1Held;
        uint256 amount0 = balance0 - reserve0;
        uint256 amount1 = balance1 - reserve1;
        uint256 supply = totalSupply();
        if (supply == 0) {
            liquidity = _sqrt(amount0 * amount1) - MINIMUM_LIQUIDITY;
            _mint(DEAD, MINIMUM_LIQUIDITY);
        } else {
            uint256 l0 = (amount0 * supply) / reserve0;
            uint256 l1 = (amount1 * supply) / reserve1;
            liquidity = l0 < l1 ? l0 : l1;
        }
        require(liquidity > 0, "VeloPool: insufficient liquidity minted");
        _mint(to, liquidity);
        _sync();
    }

    function _k(uint256 x, uint256 y) internal view returns (uint256) {
        if (!stable) return x * y;
        uint256 _x = (x * 1e18) / decimals0;
        uint256 _y = (y * 1e18) / decimals1;
        uint256 a = (_x * _y) / 1e18;
        uint256 b = (_x * _x) / 1e18 + (_y * _y) / 1e18;
        return (a * b) / 1e18;
    }

    /// x³y + xy³ at normalised amounts, and its derivative in y, for Newton's method.
    function _f(uint256 x, uint256 y) internal pure returns (uint256) {
        return (x * ((((y * y) / 1e18) * y) / 1e18)) / 1e18 + (((((x * x) / 1e18) * x) / 1e18) * y) / 1e18;
    }

    function _d(uint256 x, uint256 y) internal pure returns (uint256) {
        return (3 * x * ((y * y) / 1e18)) / 1e18 + ((((x * x) / 1e18) * x) / 1e18);
    }

    function _solveY(uint256 x, uint256 k, uint256 y) internal pure returns (uint256) {
        for (uint256 i = 0; i < 255; i++) {
            uint256 f = _f(x, y);
            uint256 d = _d(x, y);
            if (d == 0) break;
            uint256 prev = y;
            if (f < k) y = y + ((k - f) * 1e18) / d + 1;
            else y = y - ((f - k) * 1e18) / d;
            if (y > prev ? y - prev <= 1 : prev - y <= 1) {
                // the smallest y that keeps the invariant
                while (_f(x, y) < k) y += 1;
                return y;
            }
        }
        revert("VeloPool: no convergence");
    }

    function getAmountOut(uint256 amountIn, address tokenIn) public view returns (uint256) {
        bool zeroForOne = tokenIn == token0;
        require(zeroForOne || tokenIn == token1, "VeloPool: not a pool token");
        uint256 fee = IVeloPoolFactory(factory).getFee(address(this), stable);
        amountIn -= (amountIn * fee) / 10_000;
        (uint256 rIn, uint256 rOut) = zeroForOne ? (reserve0, reserve1) : (reserve1, reserve0);
        if (!stable) return (amountIn * rOut) / (rIn + amountIn);
        (uint256 dIn, uint256 dOut) = zeroForOne ? (decimals0, decimals1) : (decimals1, decimals0);
        uint256 xy = _k(reserve0, reserve1);
        uint256 x = ((rIn + amountIn) * 1e18) / dIn;
        uint256 y0 = (rOut * 1e18) / dOut;
        uint256 y = _solveY(x, xy, y0);
        return ((y0 - y) * dOut) / 1e18;
    }

    /// Swaps `amountIn` of `tokenIn` (pulled from the caller) for the other token, sent to `to`.
    function swap(uint256 amountIn, address tokenIn, address to) external returns (uint256 amountOut) {
        amountOut = getAmountOut(amountIn, tokenIn);
        uint256 fee = (amountIn * IVeloPoolFactory(factory).getFee(address(this), stable)) / 10_000;
        bool zeroForOne = tokenIn == token0;
        address tokenOut = zeroForOne ? token1 : token0;
        require(IERC20(tokenIn).transferFrom(msg.sender, address(this), amountIn), "VeloPool: transfer in");
        require(IERC20(tokenOut).transfer(to, amountOut), "VeloPool: transfer out");
        uint256 supply = totalSupply();
        if (zeroForOne) {
            _fees0Held += fee;
            index0 += (fee * 1e18) / supply;
        } else {
            _fees1Held += fee;
            index1 += (fee * 1e18) / supply;
        }
        _sync();
    }

    /// Pays the caller its accrued trading fees.
    function claimFees() external returns (uint256 claimed0, uint256 claimed1) {
        _updateFor(msg.sender);
        claimed0 = claimable0[msg.sender];
        claimed1 = claimable1[msg.sender];
        claimable0[msg.sender] = 0;
        claimable1[msg.sender] = 0;
        _fees0Held -= claimed0;
        _fees1Held -= claimed1;
        if (claimed0 > 0) require(IERC20(token0).transfer(msg.sender, claimed0), "VeloPool: fee0");
        if (claimed1 > 0) require(IERC20(token1).transfer(msg.sender, claimed1), "VeloPool: fee1");
    }
}

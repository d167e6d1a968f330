// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {VeloPool} from "./VeloPool.sol";

interface IDecimals {
    function decimals() external view returns (uint8);
}

/// STAND-IN (devnet only): a Velodrome V2-style pool factory with the read interface the app uses
/// (`allPoolsLength`, `allPools`, `getPool`, `getFee`, `isPool`). Fees in basis points: 5 stable, 30 volatile.
contract VeloPoolFactory {
    address[] public allPools;
    mapping(address => mapping(address => mapping(bool => address))) public getPool;
    mapping(address => bool) public isPool;
    uint256 public stableFee = 5;
    uint256 public volatileFee = 30;

    function allPoolsLength() external view returns (uint256) {
        return allPools.length;
    }

    function getFee(address, bool stable) external view returns (uint256) {
        return stable ? stableFee : volatileFee;
    }

    function createPool(address tokenA, address tokenB, bool stable) external returns (address pool) {
        (address token0, address token1) = tokenA < tokenB ? (tokenA, tokenB) : (tokenB, tokenA);
        require(getPool[token0][token1][stable] == address(0), "VeloPoolFactory: exists");
        pool = address(
            new VeloPool(token0, token1, stable, IDecimals(token0).decimals(), IDecimals(token1).decimals())
        );
        getPool[token0][token1][stable] = pool;
        getPool[token1][token0][stable] = pool;
        isPool[pool] = true;
        allPools.push(pool);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface ICLPoolKey {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function tickSpacing() external view returns (int24);
}

/// STAND-IN (devnet only): a Slipstream-style CLFactory with the read interface the app uses
/// (`getPool(tokenA, tokenB, int24 tickSpacing)` in either token order, `allPools`, `allPoolsLength`).
/// Pools are registered by the seed (each a SlipstreamPool over a real Uniswap V3 pool).
contract SlipstreamCLFactory {
    address public immutable owner;
    mapping(address => mapping(address => mapping(int24 => address))) public getPool;
    address[] public allPools;

    constructor() {
        owner = msg.sender;
    }

    function allPoolsLength() external view returns (uint256) {
        return allPools.length;
    }

    function register(address pool) external {
        require(msg.sender == owner, "CLFactory: not owner");
        address t0 = ICLPoolKey(pool).token0();
        address t1 = ICLPoolKey(pool).token1();
        int24 spacing = ICLPoolKey(pool).tickSpacing();
        require(getPool[t0][t1][spacing] == address(0), "CLFactory: exists");
        getPool[t0][t1][spacing] = pool;
        getPool[t1][t0][spacing] = pool;
        allPools.push(pool);
    }
}

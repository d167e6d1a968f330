// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only): the read interface Layerglass uses of SyncSwap's PoolMaster (its registry of
/// every pool): poolsLength, pools(i). SyncSwap's contracts are not on npm.
contract SyncSwapPoolMasterStandIn {
    address public immutable owner;
    address[] public pools;

    constructor() {
        owner = msg.sender;
    }

    function registerPool(address pool) external {
        require(msg.sender == owner, "owner");
        pools.push(pool);
    }

    function poolsLength() external view returns (uint256) {
        return pools.length;
    }
}

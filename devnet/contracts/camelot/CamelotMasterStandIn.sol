// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only): the read interface Layerglass uses of Camelot's Master (the registry of NFT
/// pools and the GRAIL emission rate). Camelot's farm contracts are not on npm, so the devnet compiles
/// this one. Reads: poolsLength, getPoolAddressByIndex, emissionRate, totalAllocPoint.
contract CamelotMasterStandIn {
    address public immutable owner;
    uint256 public emissionRate;
    uint256 public totalAllocPoint;
    address[] private pools;
    mapping(address => uint256) public allocPointOf;

    constructor(uint256 emissionRate_) {
        owner = msg.sender;
        emissionRate = emissionRate_;
    }

    function addPool(address pool, uint256 allocPoint) external {
        require(msg.sender == owner, "owner");
        pools.push(pool);
        allocPointOf[pool] = allocPoint;
        totalAllocPoint += allocPoint;
    }

    function poolsLength() external view returns (uint256) {
        return pools.length;
    }

    function getPoolAddressByIndex(uint256 index) external view returns (address) {
        return index < pools.length ? pools[index] : address(0);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only): the read interface Layerglass uses of a SyncSwap stable pool: poolType (2),
/// token0, token1, getReserves, token0PrecisionMultiplier, token1PrecisionMultiplier, totalSupply,
/// balanceOf. SyncSwap's contracts are not on npm. The seed sets reserves and LP balances directly (it
/// stands for swap fees by raising the reserves); no swap logic, no tokens held.
contract SyncSwapStablePoolStandIn {
    uint16 public constant poolType = 2;
    address public immutable owner;
    address public immutable token0;
    address public immutable token1;
    uint256 public immutable token0PrecisionMultiplier;
    uint256 public immutable token1PrecisionMultiplier;
    uint256 public reserve0;
    uint256 public reserve1;
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    string public constant symbol = "sSLP";
    string public constant name = "SyncSwap Stable LP (stand-in)";
    uint8 public constant decimals = 18;

    constructor(address token0_, address token1_, uint256 multiplier0, uint256 multiplier1) {
        owner = msg.sender;
        token0 = token0_;
        token1 = token1_;
        token0PrecisionMultiplier = multiplier0;
        token1PrecisionMultiplier = multiplier1;
    }

    function setReserves(uint256 r0, uint256 r1) external {
        require(msg.sender == owner, "owner");
        (reserve0, reserve1) = (r0, r1);
    }

    function mintTo(address to, uint256 amount) external {
        require(msg.sender == owner, "owner");
        totalSupply += amount;
        balanceOf[to] += amount;
    }

    /// Bad input only: a pool that reports no supply while an account holds its LP (no real pool does).
    function setTotalSupply(uint256 supply) external {
        require(msg.sender == owner, "owner");
        totalSupply = supply;
    }

    function getReserves() external view returns (uint256, uint256) {
        return (reserve0, reserve1);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// A Slipstream position as `positions(tokenId)` returns it (devnet stand-ins only).
struct CLPosition {
    uint96 nonce;
    address operator;
    address token0;
    address token1;
    int24 tickSpacing;
    int24 tickLower;
    int24 tickUpper;
    uint128 liquidity;
    uint256 feeGrowthInside0LastX128;
    uint256 feeGrowthInside1LastX128;
    uint128 tokensOwed0;
    uint128 tokensOwed1;
}

function readPosition(address nft, uint256 tokenId) view returns (CLPosition memory p) {
    (bool ok, bytes memory data) = nft.staticcall(abi.encodeWithSignature("positions(uint256)", tokenId));
    require(ok, "CL: positions");
    p = abi.decode(data, (CLPosition));
}

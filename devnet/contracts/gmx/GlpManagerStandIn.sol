// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Devnet stand-in for GMX V1's GlpManager: `getAum(bool maximise)` (USD, 30 decimals) and `glp()`, the
// read interface of the @gmx-io/sdk package's GlpManager ABI that Layerglass uses. Written for the devnet (no GMX
// source copied); the pool's assets under management are a number the seed sets.
contract GlpManagerStandIn {
    address public gov;
    address public glp;
    uint256 private aumMin;
    uint256 private aumMax;

    constructor(address glp_, uint256 aumMin_, uint256 aumMax_) {
        gov = msg.sender;
        glp = glp_;
        aumMin = aumMin_;
        aumMax = aumMax_;
    }

    function getAum(bool maximise) external view returns (uint256) {
        return maximise ? aumMax : aumMin;
    }

    function getAums() external view returns (uint256[] memory amounts) {
        amounts = new uint256[](2);
        amounts[0] = aumMax;
        amounts[1] = aumMin;
    }
}

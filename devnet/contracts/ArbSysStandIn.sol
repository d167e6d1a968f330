// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only) for Arbitrum's ArbSys precompile at 0x0000000000000000000000000000000000000064
/// (OffchainLabs/nitro-contracts `src/precompiles/ArbSys.sol`): built into the Arbitrum node, no bytecode
/// exists. On Arbitrum `block.number` is an L1 block number and `arbBlockNumber()` the L2 one; on the
/// devnet (anvil) `block.number` is the chain's own block, so this answers it. Only the read used here.
contract ArbSysStandIn {
    function arbBlockNumber() external view returns (uint256) {
        return block.number;
    }
}

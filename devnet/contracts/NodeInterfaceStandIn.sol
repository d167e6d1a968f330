// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IArbGasInfoPrices {
    function getL1BaseFeeEstimate() external view returns (uint256);
}

/// STAND-IN (devnet only) for Arbitrum's NodeInterface at 0x00000000000000000000000000000000000000C8.
/// On Arbitrum, NodeInterface is not a contract at all: the node intercepts `eth_call`s to that address
/// (nitro `execution/nodeInterface`). A devnet node cannot, so this contract answers the one method the
/// fee quotes use, `gasEstimateL1Component`, reading the L1 price from the ArbGasInfo stand-in.
///
/// What differs from nitro, said plainly: nitro prices the Brotli-compressed size of the whole signed
/// transaction; this stand-in cannot compress, so it charges the calldata length plus a fixed 140-byte
/// transaction envelope (nitro's `AssumedSimpleTxSize`), uncompressed. The shape of the answer
/// (L1 cost expressed in L2 gas at the current base fee) is nitro's.
contract NodeInterfaceStandIn {
    address private constant ARB_GAS_INFO = address(0x6C);
    uint256 private constant UNITS_PER_BYTE = 16;
    uint256 private constant TX_ENVELOPE_BYTES = 140;

    function gasEstimateL1Component(address, bool, bytes calldata data)
        external
        payable
        returns (uint64 gasEstimateForL1, uint256 baseFee, uint256 l1BaseFeeEstimate)
    {
        l1BaseFeeEstimate = IArbGasInfoPrices(ARB_GAS_INFO).getL1BaseFeeEstimate();
        baseFee = block.basefee;
        uint256 posterCost = (data.length + TX_ENVELOPE_BYTES) * UNITS_PER_BYTE * l1BaseFeeEstimate;
        gasEstimateForL1 = baseFee == 0 ? 0 : uint64((posterCost + baseFee - 1) / baseFee);
    }
}

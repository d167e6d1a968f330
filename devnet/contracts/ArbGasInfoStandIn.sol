// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only) for Arbitrum's ArbGasInfo precompile at 0x000000000000000000000000000000000000006C.
/// ArbGasInfo is built into the Arbitrum node (nitro `precompiles/ArbGasInfo.go`); no bytecode for it
/// exists anywhere, so the devnet places this contract at its address. It implements only the read
/// interface the fee quotes use, with nitro's formulas over two stored prices:
///   slot 0: l1PricePerUnit, wei per L1 calldata gas unit (ArbOS's L1 pricer moves it; here the seed sets it)
///   slot 1: minimumGasPrice, the L2 base-fee floor (0.01 gwei on Arbitrum One)
/// The seed writes both slots with anvil_setStorageAt (placed code runs no constructor).
contract ArbGasInfoStandIn {
    uint256 public l1PricePerUnit;
    uint256 public minimumGasPrice;

    /// nitro: `params.TxDataNonZeroGasEIP2028`, the L1 gas units charged per compressed byte.
    uint256 private constant UNITS_PER_BYTE = 16;
    /// nitro: `AssumedSimpleTxSize`, the size of a simple transaction without calldata.
    uint256 private constant ASSUMED_SIMPLE_TX_SIZE = 140;
    /// nitro: `storageArbGas`, the L2 gas of one storage allocation.
    uint256 private constant STORAGE_ARB_GAS = 20_000;

    /// (perL2Tx, perL1CalldataByte, perStorageAllocation, perArbGasBase, perArbGasCongestion, perArbGasTotal),
    /// all in wei, as nitro's GetPricesInWei computes them.
    function getPricesInWei() external view returns (uint256, uint256, uint256, uint256, uint256, uint256) {
        uint256 l2GasPrice = block.basefee;
        uint256 perL1CalldataByte = l1PricePerUnit * UNITS_PER_BYTE;
        uint256 perArbGasBase = minimumGasPrice < l2GasPrice ? minimumGasPrice : l2GasPrice;
        return (
            perL1CalldataByte * ASSUMED_SIMPLE_TX_SIZE,
            perL1CalldataByte,
            l2GasPrice * STORAGE_ARB_GAS,
            perArbGasBase,
            l2GasPrice - perArbGasBase,
            l2GasPrice
        );
    }

    function getL1BaseFeeEstimate() external view returns (uint256) {
        return l1PricePerUnit;
    }

    function getMinimumGasPrice() external view returns (uint256) {
        return minimumGasPrice;
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice Round 2's lens for Uniswap V3 pools (lib/protocols/uniswap-v3/past-lens.ts): the pool state a fee
/// window is measured from, at a past block, and nothing else. Where Multicall3 hands back every word of
/// every answer (a tick is 8 words, ABI-wrapped), this keeps the fields fee growth inside a range is computed
/// from: a pool's price, tick and fee growth, a tick's fee growth outside and whether it is initialized.
///
/// Input, packed: per pool `pool (20 bytes) | tick count (2) | ticks (3 each, int24)`.
/// Output, packed, in the input's order: `block.timestamp (8)`, then per pool
/// `flags (1) | sqrtPriceX96 (20) | tick (3) | feeGrowthGlobal0X128 (32) | feeGrowthGlobal1X128 (32)`, flags
/// bit 0 slot0 answered, bit 1 and 2 each fee growth answered; then per tick of that pool
/// `flags (1) | feeGrowthOutside0X128 (32) | feeGrowthOutside1X128 (32)`, bit 0 answered, bit 1 initialized.
/// A field whose flag is off is zero.
contract V3PastLens {
    uint256 private constant POOL_BYTES = 88;
    uint256 private constant TICK_BYTES = 65;
    /// Gas one call may use: a hostile pool that burns what it is handed cannot starve the rest.
    uint256 private constant CALL_GAS = 1_000_000;

    bytes4 private constant SLOT0 = bytes4(keccak256("slot0()"));
    bytes4 private constant FEE_GROWTH_GLOBAL0 = bytes4(keccak256("feeGrowthGlobal0X128()"));
    bytes4 private constant FEE_GROWTH_GLOBAL1 = bytes4(keccak256("feeGrowthGlobal1X128()"));
    bytes4 private constant TICKS = bytes4(keccak256("ticks(int24)"));

    function read(bytes calldata input) external view returns (bytes memory out) {
        uint256 size = 8;
        for (uint256 at = 0; at < input.length;) {
            require(at + 22 <= input.length, "input cut short");
            uint256 n = uint16(bytes2(input[at + 20:at + 22]));
            at += 22 + n * 3;
            require(at <= input.length, "input cut short");
            size += POOL_BYTES + n * TICK_BYTES;
        }
        out = new bytes(size);
        put(out, 0, block.timestamp << 192);
        uint256 o = 8;
        for (uint256 at = 0; at < input.length;) {
            address pool = address(bytes20(input[at:at + 20]));
            uint256 n = uint16(bytes2(input[at + 20:at + 22]));
            at += 22;
            poolState(out, o, pool);
            o += POOL_BYTES;
            for (uint256 k = 0; k < n; k++) {
                int24 tick = int24(uint24(bytes3(input[at:at + 3])));
                at += 3;
                tickState(out, o, pool, tick);
                o += TICK_BYTES;
            }
        }
    }

    function poolState(bytes memory out, uint256 o, address pool) private view {
        uint8 flags;
        (bool ok, bytes memory ret) = pool.staticcall{gas: CALL_GAS}(abi.encodeWithSelector(SLOT0));
        if (ok && ret.length >= 64) {
            flags |= 1;
            put(out, o + 1, wordAt(ret, 0) << 96);
            put(out, o + 21, wordAt(ret, 1) << 232);
        }
        (ok, ret) = pool.staticcall{gas: CALL_GAS}(abi.encodeWithSelector(FEE_GROWTH_GLOBAL0));
        if (ok && ret.length >= 32) {
            flags |= 2;
            put(out, o + 24, wordAt(ret, 0));
        }
        (ok, ret) = pool.staticcall{gas: CALL_GAS}(abi.encodeWithSelector(FEE_GROWTH_GLOBAL1));
        if (ok && ret.length >= 32) {
            flags |= 4;
            put(out, o + 56, wordAt(ret, 0));
        }
        out[o] = bytes1(flags);
    }

    function tickState(bytes memory out, uint256 o, address pool, int24 tick) private view {
        (bool ok, bytes memory ret) = pool.staticcall{gas: CALL_GAS}(abi.encodeWithSelector(TICKS, tick));
        // ticks(int24): liquidityGross, liquidityNet, feeGrowthOutside0X128, feeGrowthOutside1X128,
        // tickCumulativeOutside, secondsPerLiquidityOutsideX128, secondsOutside, initialized.
        if (!ok || ret.length < 256) return;
        put(out, o + 1, wordAt(ret, 2));
        put(out, o + 33, wordAt(ret, 3));
        out[o] = bytes1(wordAt(ret, 7) != 0 ? uint8(3) : uint8(1));
    }

    /// Writes a word at byte `at` of `data`. Fields are written in increasing order and every field is
    /// followed by a later one or is the last 32 bytes, so what spills past a short field is overwritten.
    function put(bytes memory data, uint256 at, uint256 value) private pure {
        assembly {
            mstore(add(add(data, 32), at), value)
        }
    }

    function wordAt(bytes memory data, uint256 index) private pure returns (uint256 value) {
        assembly {
            value := mload(add(add(data, 32), mul(index, 32)))
        }
    }
}

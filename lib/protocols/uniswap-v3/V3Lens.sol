// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "../../chains/lens/Recorder.sol";

interface IV3PositionManager {
    function balanceOf(address owner) external view returns (uint256);
    function tokenOfOwnerByIndex(address owner, uint256 index) external view returns (uint256);
    function positions(uint256 tokenId) external view returns (bytes memory);
}

interface IV3Pool {
    function slot0() external view returns (bytes memory);
    function feeGrowthGlobal0X128() external view returns (uint256);
    function feeGrowthGlobal1X128() external view returns (uint256);
    function ticks(int24 tick) external view returns (bytes memory);
}

interface ITokenReads {
    function symbol() external view returns (bytes memory);
    function name() external view returns (bytes memory);
    function decimals() external view returns (uint8);
    function balanceOf(address owner) external view returns (uint256);
}

/// Slipstream's CL factory: pools by (token0, token1, tick spacing).
interface ICLFactoryReads {
    function getPool(address tokenA, address tokenB, int24 tickSpacing) external view returns (address);
}

/// @notice What the V3 lens reads: one owner's positions in one V3-style position manager, indices
/// [start, start + count) of the first `maxPositions`.
struct V3LensInput {
    address positionManager;
    address owner;
    uint256 maxPositions;
    uint256 start;
    uint256 count;
    /// 0: CREATE2 from `factory` with `poolHash` the pool's init code hash (Uniswap V3, SushiSwap V3);
    /// 1: zkSync Era's CREATE2 with `poolHash` its bytecode hash; 2: `factory.getPool(token0, token1, tickSpacing)`
    /// (Slipstream, whose positions carry the tick spacing where V3's carry the fee).
    uint8 poolKind;
    address factory;
    bytes32 poolHash;
    /// Whether the reader also reads what each pool holds of its two tokens (`token.balanceOf(pool)`).
    bool poolBalances;
}

/// @notice Round 1's lens for V3-style positions (lib/protocols/uniswap-v3/read.ts, and Slipstream's unstaked
/// positions in lib/protocols/velodrome/slipstream.ts): the NFT count, ids, positions, each position's pool
/// (derived as the reader derives it, or asked from the factory), the pool's slot0 and fee growth, an open
/// range's two ticks, the tokens' metadata and (V3) what the pool holds of them. Every call as the reader
/// encodes it; each distinct call once.
contract V3Lens is ILens {
    bytes32 private constant ZKSYNC_CREATE2_PREFIX = keccak256("zksyncCreate2");
    bytes32 private constant EMPTY_INPUT_HASH = keccak256("");
    int256 private constant MAX_TICK = 887272;
    /// Gas kept for returning what was read (at most one position's reads, then the records' encoding).
    uint256 private constant RESERVE_GAS = 1_000_000;
    uint256 private constant RESERVE_PER_RECORD = 4_000;

    struct Seen {
        uint256[] slots;
    }

    struct Pos {
        address token0;
        address token1;
        uint256 fee;
        int24 tickLower;
        int24 tickUpper;
        bool open;
    }

    function read(bytes calldata input) external view returns (bytes memory) {
        V3LensInput memory p = abi.decode(input, (V3LensInput));
        Recorder.Log memory log = Recorder.create(64);
        uint256 held = Recorder.word(log, p.positionManager, abi.encodeCall(IV3PositionManager.balanceOf, (p.owner)));
        uint256 n = held < p.maxPositions ? held : p.maxPositions;
        if (p.start >= n) return Recorder.done(log);
        uint256 end = n - p.start > p.count ? p.start + p.count : n;
        uint256 m = end - p.start;
        // Per position at most: id, position, pool lookup, pool, 2 ticks, 2 tokens, 2 balances.
        Seen memory seen = Seen(new uint256[](tableSize(m * 10)));
        for (uint256 i = p.start; i < end; i++) {
            // Out of gas, stop with what was read (returning it costs gas too): the reader reads the rest.
            if (gasleft() < RESERVE_GAS + log.length * RESERVE_PER_RECORD) break;
            (bool ok, Pos memory pos) = position(log, p, i);
            if (!ok) continue;
            address pool = poolOf(log, seen, p, pos);
            if (pool == address(0)) continue;
            poolReads(log, seen, pool, pos);
            tokenReads(log, seen, pool, pos.token0, p.poolBalances);
            tokenReads(log, seen, pool, pos.token1, p.poolBalances);
        }
        return Recorder.done(log);
    }

    function position(Recorder.Log memory log, V3LensInput memory p, uint256 index)
        private
        view
        returns (bool ok, Pos memory pos)
    {
        bytes memory ret;
        (ok, ret) = Recorder.call(
            log, p.positionManager, abi.encodeCall(IV3PositionManager.tokenOfOwnerByIndex, (p.owner, index))
        );
        if (!ok || ret.length < 32) return (false, pos);
        (ok, ret) =
            Recorder.call(log, p.positionManager, abi.encodeCall(IV3PositionManager.positions, (wordAt(ret, 0))));
        if (!ok || ret.length < 384) return (false, pos);
        pos.token0 = address(uint160(wordAt(ret, 2)));
        pos.token1 = address(uint160(wordAt(ret, 3)));
        pos.fee = wordAt(ret, 4);
        int256 lower = int256(wordAt(ret, 5));
        int256 upper = int256(wordAt(ret, 6));
        // The reader skips a position whose range is not a valid one.
        if (lower < -MAX_TICK || upper > MAX_TICK || lower >= upper) return (false, pos);
        pos.tickLower = int24(lower);
        pos.tickUpper = int24(upper);
        pos.open = wordAt(ret, 7) != 0;
    }

    function poolOf(Recorder.Log memory log, Seen memory seen, V3LensInput memory p, Pos memory pos)
        private
        view
        returns (address)
    {
        if (p.poolKind == 2) {
            bytes memory callData =
                abi.encodeCall(ICLFactoryReads.getPool, (pos.token0, pos.token1, int24(int256(pos.fee))));
            // Asked once per (tokens, spacing), as the reader does; a repeat is answered from the record.
            (bool found, uint256 at) = lookup(seen, keccak256(abi.encode(p.factory, callData)), log.length);
            if (found) return recordedAddress(log.items[at]);
            (bool ok, bytes memory ret) = Recorder.call(log, p.factory, callData);
            return ok && ret.length >= 32 ? address(uint160(wordAt(ret, 0))) : address(0);
        }
        (address t0, address t1) = pos.token0 < pos.token1 ? (pos.token0, pos.token1) : (pos.token1, pos.token0);
        bytes32 salt = keccak256(abi.encode(t0, t1, uint24(pos.fee)));
        bytes32 hash = p.poolKind == 1
            ? keccak256(
                abi.encodePacked(
                    ZKSYNC_CREATE2_PREFIX, bytes32(uint256(uint160(p.factory))), salt, p.poolHash, EMPTY_INPUT_HASH
                )
            )
            : keccak256(abi.encodePacked(bytes1(0xff), p.factory, salt, p.poolHash));
        return address(uint160(uint256(hash)));
    }

    function recordedAddress(Record memory r) private pure returns (address) {
        return r.success && r.returnData.length >= 32 ? address(uint160(wordAt(r.returnData, 0))) : address(0);
    }

    function poolReads(Recorder.Log memory log, Seen memory seen, address pool, Pos memory pos) private view {
        if (!insert(seen, keccak256(abi.encode(pool)))) {
            Recorder.call(log, pool, abi.encodeCall(IV3Pool.slot0, ()));
            Recorder.call(log, pool, abi.encodeCall(IV3Pool.feeGrowthGlobal0X128, ()));
            Recorder.call(log, pool, abi.encodeCall(IV3Pool.feeGrowthGlobal1X128, ()));
        }
        // A closed position's ticks may be gone: the reader reads only the pool for it.
        if (!pos.open) return;
        if (!insert(seen, keccak256(abi.encode(pool, pos.tickLower)))) {
            Recorder.call(log, pool, abi.encodeCall(IV3Pool.ticks, (pos.tickLower)));
        }
        if (!insert(seen, keccak256(abi.encode(pool, pos.tickUpper)))) {
            Recorder.call(log, pool, abi.encodeCall(IV3Pool.ticks, (pos.tickUpper)));
        }
    }

    function tokenReads(Recorder.Log memory log, Seen memory seen, address pool, address token, bool balances)
        private
        view
    {
        if (!insert(seen, keccak256(abi.encode(token)))) {
            Recorder.call(log, token, abi.encodeCall(ITokenReads.symbol, ()));
            Recorder.call(log, token, abi.encodeCall(ITokenReads.name, ()));
            Recorder.call(log, token, abi.encodeCall(ITokenReads.decimals, ()));
        }
        if (balances && !insert(seen, keccak256(abi.encode(token, pool)))) {
            Recorder.call(log, token, abi.encodeCall(ITokenReads.balanceOf, (pool)));
        }
    }

    // A set of keys in memory (open addressing), so each distinct call is made once whatever the count.

    function tableSize(uint256 keys) private pure returns (uint256 size) {
        size = 64;
        while (size < keys * 2) size <<= 1;
    }

    /// Inserts `key`; true when it was already there.
    function insert(Seen memory seen, bytes32 key) private pure returns (bool) {
        (bool found,) = lookup(seen, key, 0);
        return found;
    }

    /// Finds `key` (true, and the value stored with it) or inserts it with `value` (false).
    function lookup(Seen memory seen, bytes32 key, uint256 value) private pure returns (bool, uint256) {
        uint256[] memory slots = seen.slots;
        uint256 mask = slots.length - 1;
        // The low 32 bits hold the value, the rest the key (a collision of the rest is no error: a call
        // wrongly taken as made only goes out later, from the reader).
        uint256 tag = uint256(key) >> 32;
        if (tag == 0) tag = 1;
        uint256 i = uint256(key) & mask;
        while (true) {
            uint256 v = slots[i];
            if (v == 0) {
                slots[i] = (tag << 32) | (value & 0xffffffff);
                return (false, 0);
            }
            if (v >> 32 == tag) return (true, v & 0xffffffff);
            i = (i + 1) & mask;
        }
        return (false, 0);
    }

    function wordAt(bytes memory data, uint256 index) private pure returns (uint256 value) {
        assembly {
            value := mload(add(add(data, 32), mul(index, 32)))
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "../../chains/lens/Recorder.sol";

/// The read interfaces the readers call (`abi.ts` beside this file, `lib/tokens/metadata.ts`), declared
/// only so that `abi.encodeCall` builds the very calldata viem's `encodeFunctionData` does.
interface IPairReads {
    function token0() external view returns (address);
    function token1() external view returns (address);
    function getReserves() external view returns (uint256, uint256);
    function totalSupply() external view returns (uint256);
    function balanceOf(address owner) external view returns (uint256);
    function price0CumulativeLast() external view returns (uint256);
    function price1CumulativeLast() external view returns (uint256);
    function stableSwap() external view returns (bool);
    function poolType() external view returns (uint16);
    function token0PrecisionMultiplier() external view returns (uint256);
    function token1PrecisionMultiplier() external view returns (uint256);
}

interface ITokenReads {
    function symbol() external view returns (string memory);
    function name() external view returns (string memory);
    function decimals() external view returns (uint8);
}

/// @notice What the two-token-pool readers (Camelot, SyncSwap, Velodrome) discover level by level, as
/// pieces their lenses share: a registry's list, the owner's LP balance in each pool, a pool's state
/// (`v2-pairs/read.ts#addPairStateReads`) and token metadata (`tokens/metadata.ts#addMetadataReads`).
/// Addresses are taken from the low 160 bits of a returned word, as viem decodes them (it does not reject
/// dirty upper bits), so a lens follows exactly what the reader will follow.
library V2Pairs {
    uint8 internal constant PLAIN = 0;
    uint8 internal constant CAMELOT = 1;
    uint8 internal constant SYNCSWAP = 2;

    /// The `gasleft()` below which a lens stops making calls: `budget` spent from now. A lens that stops
    /// early returns what it recorded (every answer still true at the block); the reader sends the rest
    /// as Multicall3 levels. So one huge registry cannot run the whole round 1 out of gas.
    function floorOf(uint256 budget) internal view returns (uint256) {
        uint256 g = gasleft();
        return budget < g ? g - budget : 0;
    }

    /// Addresses already handled (token metadata read once per token), in memory.
    struct Seen {
        address[] items;
        uint256 length;
    }

    function seen(uint256 capacity) internal pure returns (Seen memory s) {
        s.items = new address[](capacity == 0 ? 16 : capacity);
    }

    /// True the first time an address is offered.
    function first(Seen memory s, address a) internal pure returns (bool) {
        for (uint256 i = 0; i < s.length; i++) {
            if (s.items[i] == a) return false;
        }
        if (s.length == s.items.length) {
            address[] memory grown = new address[](s.items.length * 2);
            for (uint256 i = 0; i < s.length; i++) {
                grown[i] = s.items[i];
            }
            s.items = grown;
        }
        s.items[s.length] = a;
        s.length += 1;
        return true;
    }

    /// An address answer (a one-word return): ok when at least one word came back, as viem requires.
    function addressCall(Recorder.Log memory log, address target, bytes memory callData)
        internal
        view
        returns (bool ok, address value)
    {
        bytes memory ret;
        (ok, ret) = Recorder.call(log, target, callData);
        ok = ok && ret.length >= 32;
        if (ok) value = address(uint160(abi.decode(ret, (uint256))));
    }

    /// `registry.<length>()` then `registry.<at>(i)` for i below min(length, max): the answers that came back.
    function enumerate(
        Recorder.Log memory log,
        address registry,
        bytes memory lengthCall,
        bytes4 atSelector,
        uint256 max,
        uint256 floor
    ) internal view returns (address[] memory items) {
        uint256 n = Recorder.word(log, registry, lengthCall);
        if (n > max) n = max;
        items = new address[](n);
        uint256 k = 0;
        for (uint256 i = 0; i < n && gasleft() > floor; i++) {
            (bool ok, address item) = addressCall(log, registry, abi.encodeWithSelector(atSelector, i));
            if (ok) items[k++] = item;
        }
        assembly {
            mstore(items, k)
        }
    }

    /// `balanceOf(owner)` of every pool; the pools where it is above zero.
    function held(Recorder.Log memory log, address[] memory pools, address owner, uint256 floor)
        internal
        view
        returns (address[] memory out)
    {
        out = new address[](pools.length);
        uint256 k = 0;
        for (uint256 i = 0; i < pools.length && gasleft() > floor; i++) {
            if (Recorder.word(log, pools[i], abi.encodeCall(IPairReads.balanceOf, (owner))) > 0) out[k++] = pools[i];
        }
        assembly {
            mstore(out, k)
        }
    }

    /// Reserves, supply and accumulators (`addPairSnapshotReads`).
    function snapshot(Recorder.Log memory log, address pair) internal view {
        Recorder.call(log, pair, abi.encodeCall(IPairReads.getReserves, ()));
        Recorder.call(log, pair, abi.encodeCall(IPairReads.totalSupply, ()));
        Recorder.call(log, pair, abi.encodeCall(IPairReads.price0CumulativeLast, ()));
        Recorder.call(log, pair, abi.encodeCall(IPairReads.price1CumulativeLast, ()));
    }

    /// A pool's state (`addPairStateReads` with its flavor), then its tokens' metadata (once per token).
    function state(Recorder.Log memory log, Seen memory tokens, address pair, uint8 flavor) internal view {
        (bool ok0, address t0) = addressCall(log, pair, abi.encodeCall(IPairReads.token0, ()));
        (bool ok1, address t1) = addressCall(log, pair, abi.encodeCall(IPairReads.token1, ()));
        snapshot(log, pair);
        if (flavor == CAMELOT) Recorder.call(log, pair, abi.encodeCall(IPairReads.stableSwap, ()));
        if (flavor == SYNCSWAP) {
            Recorder.call(log, pair, abi.encodeCall(IPairReads.poolType, ()));
            Recorder.call(log, pair, abi.encodeCall(IPairReads.token0PrecisionMultiplier, ()));
            Recorder.call(log, pair, abi.encodeCall(IPairReads.token1PrecisionMultiplier, ()));
        }
        if (ok0) metadata(log, tokens, t0);
        if (ok1) metadata(log, tokens, t1);
    }

    /// `symbol()`, `name()`, `decimals()` of a token not yet read.
    function metadata(Recorder.Log memory log, Seen memory tokens, address token) internal view {
        if (!first(tokens, token)) return;
        Recorder.call(log, token, abi.encodeCall(ITokenReads.symbol, ()));
        Recorder.call(log, token, abi.encodeCall(ITokenReads.name, ()));
        Recorder.call(log, token, abi.encodeCall(ITokenReads.decimals, ()));
    }
}

/// @notice The shared V2 lens: a registry's pool list (a factory's `allPairsLength`/`allPairs`, SyncSwap's
/// PoolMaster `poolsLength`/`pools`), the owner's LP balance in every pool, and the state and token
/// metadata of each pool held.
/// Input: abi.encode(address registry, bytes lengthCall, bytes4 atSelector, uint256 max, address owner, uint8 flavor,
/// uint256 gasBudget).
contract V2PairsLens is ILens {
    struct In {
        address registry;
        bytes lengthCall;
        bytes4 atSelector;
        uint256 max;
        address owner;
        uint8 flavor;
        uint256 floor;
    }

    function read(bytes calldata input) external view returns (bytes memory) {
        In memory p;
        uint256 gasBudget;
        (p.registry, p.lengthCall, p.atSelector, p.max, p.owner, p.flavor, gasBudget) =
            abi.decode(input, (address, bytes, bytes4, uint256, address, uint8, uint256));
        p.floor = V2Pairs.floorOf(gasBudget);
        Recorder.Log memory log = Recorder.create(64);
        V2Pairs.Seen memory tokens = V2Pairs.seen(16);
        address[] memory mine = V2Pairs.held(
            log, V2Pairs.enumerate(log, p.registry, p.lengthCall, p.atSelector, p.max, p.floor), p.owner, p.floor
        );
        for (uint256 i = 0; i < mine.length && gasleft() > p.floor; i++) {
            V2Pairs.state(log, tokens, mine[i], p.flavor);
        }
        return Recorder.done(log);
    }
}

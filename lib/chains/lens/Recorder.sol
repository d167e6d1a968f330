// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice What a lens hands back: every call it made, as made, with its outcome (packed by `Recorder.done`).
/// The app replays these answers into its own readers (keyed by target and calldata), so a lens decides which
/// calls to make and the readers, unchanged, decode them.
struct Record {
    address target;
    bytes callData;
    bool success;
    bytes returnData;
}

/// @notice A growing list of records in memory, and the read-only call that appends to it.
library Recorder {
    /// Gas one recorded call may use: a hostile token that burns what it is handed cannot starve the rest.
    uint256 internal constant CALL_GAS = 5_000_000;

    struct Log {
        Record[] items;
        uint256 length;
    }

    function create(uint256 capacity) internal pure returns (Log memory log) {
        log.items = new Record[](capacity == 0 ? 16 : capacity);
    }

    /// @notice A static call, recorded whatever its outcome.
    function call(Log memory log, address target, bytes memory callData)
        internal
        view
        returns (bool success, bytes memory returnData)
    {
        uint256 gas = gasleft();
        (success, returnData) = target.staticcall{gas: gas > CALL_GAS ? CALL_GAS : gas}(callData);
        push(log, Record(target, callData, success, returnData));
    }

    /// @notice A call whose answer is one word (a count, an address, a balance): 0 when it failed or was short.
    function word(Log memory log, address target, bytes memory callData) internal view returns (uint256 value) {
        (bool ok, bytes memory ret) = call(log, target, callData);
        if (ok && ret.length >= 32) value = abi.decode(ret, (uint256));
    }

    function push(Log memory log, Record memory record) internal pure {
        if (log.length == log.items.length) {
            Record[] memory grown = new Record[](log.items.length * 2);
            for (uint256 i = 0; i < log.length; i++) {
                grown[i] = log.items[i];
            }
            log.items = grown;
        }
        log.items[log.length] = record;
        log.length += 1;
    }

    /// @notice The records made, packed (no ABI padding, no offsets): per record `target (20) | calldata
    /// length (3) | calldata | success (1) | return length (3) | return data`. Answers over 16 MiB are cut
    /// to an empty failure (no node returns that much to one call).
    function done(Log memory log) internal pure returns (bytes memory out) {
        uint256 n = log.length;
        uint256 size;
        for (uint256 i = 0; i < n; i++) {
            Record memory r = log.items[i];
            size += 27 + r.callData.length + (r.returnData.length < MAX_DATA ? r.returnData.length : 0);
        }
        out = new bytes(size);
        uint256 p;
        assembly {
            p := add(out, 32)
        }
        for (uint256 i = 0; i < n; i++) {
            Record memory r = log.items[i];
            p = put(p, uint256(uint160(r.target)) << 96, 20);
            require(r.callData.length < MAX_DATA, "calldata too long");
            p = putData(p, r.callData);
            p = putOutcome(p, r.success, r.returnData);
        }
    }

    /// @notice The outcomes only, packed, for calls the caller already knows: per record `success (1) |
    /// return length (3) | return data`.
    function results(Log memory log) internal pure returns (bytes memory out) {
        uint256 n = log.length;
        uint256 size;
        for (uint256 i = 0; i < n; i++) {
            uint256 length = log.items[i].returnData.length;
            size += 4 + (length < MAX_DATA ? length : 0);
        }
        out = new bytes(size);
        uint256 p;
        assembly {
            p := add(out, 32)
        }
        for (uint256 i = 0; i < n; i++) {
            p = putOutcome(p, log.items[i].success, log.items[i].returnData);
        }
    }

    uint256 private constant MAX_DATA = 1 << 24;

    function putOutcome(uint256 p, bool success, bytes memory data) private pure returns (uint256) {
        bool fits = data.length < MAX_DATA;
        p = put(p, (success && fits) ? 1 << 248 : 0, 1);
        return fits ? putData(p, data) : put(p, 0, 3);
    }

    /// Writes `data`'s length (3 bytes) then its bytes at `p`. Words are written whole, so up to 31 bytes
    /// past a field are scratch: the next field overwrites them, and the last spills into free memory.
    function putData(uint256 p, bytes memory data) private pure returns (uint256) {
        uint256 length = data.length;
        p = put(p, length << 232, 3);
        assembly {
            let src := add(data, 32)
            for { let i := 0 } lt(i, length) { i := add(i, 32) } { mstore(add(p, i), mload(add(src, i))) }
        }
        return p + length;
    }

    function put(uint256 p, uint256 word, uint256 length) private pure returns (uint256) {
        assembly {
            mstore(p, word)
        }
        return p + length;
    }
}

/// @notice The interface every lens implements: one read-only entry point over its own encoded input.
interface ILens {
    /// @return The records made, as `Recorder.done` packs them.
    function read(bytes calldata input) external view returns (bytes memory);
}

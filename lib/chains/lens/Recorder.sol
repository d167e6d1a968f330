// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// @notice What a lens hands back: every call it made, as made, with its outcome. The app replays these
/// answers into its own readers (keyed by target and calldata), so a lens decides which calls to make and
/// the readers, unchanged, decode them.
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

    /// @notice The records made, as one array (the backing array trimmed to its length).
    function done(Log memory log) internal pure returns (Record[] memory items) {
        items = log.items;
        uint256 n = log.length;
        assembly {
            mstore(items, n)
        }
    }
}

/// @notice The interface every lens implements: one read-only entry point over its own encoded input.
interface ILens {
    function read(bytes calldata input) external view returns (Record[] memory);
}

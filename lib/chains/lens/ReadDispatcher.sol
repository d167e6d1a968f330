// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Recorder} from "./Recorder.sol";

/// @notice One job of round 1: a lens at `lens` (placed by state override), a lens to create from
/// `initCode` (deployless), or, with neither, plain calls packed in `input` as `target (20) | calldata
/// length (3) | calldata` each, answered in order as `Recorder.results` packs them (no calldata echoed).
struct Job {
    address lens;
    bytes initCode;
    bytes input;
}

/// @notice What round 1 returns: the block it read (from ArbSys where `block.number` is L1's), its
/// timestamp, and per job whether it ran and its packed records (or its revert data).
struct Outcome {
    uint256 blockNumber;
    uint256 timestamp;
    bool[] ok;
    bytes[] outputs;
}

interface IArbSys {
    function arbBlockNumber() external view returns (uint256);
}

abstract contract Dispatch {
    function dispatch(Job[] memory jobs, address blockNumberSource) internal returns (Outcome memory out) {
        out.blockNumber = blockNumberSource == address(0) ? block.number : IArbSys(blockNumberSource).arbBlockNumber();
        out.timestamp = block.timestamp;
        out.ok = new bool[](jobs.length);
        out.outputs = new bytes[](jobs.length);
        for (uint256 i = 0; i < jobs.length; i++) {
            Job memory job = jobs[i];
            address lens = job.lens;
            if (lens == address(0) && job.initCode.length > 0) {
                bytes memory code = job.initCode;
                assembly {
                    lens := create(0, add(code, 0x20), mload(code))
                }
                if (lens == address(0)) {
                    out.outputs[i] = bytes("lens creation failed");
                    continue;
                }
            }
            if (lens == address(0)) {
                out.ok[i] = true;
                out.outputs[i] = plainCalls(job.input);
            } else {
                (bool ok, bytes memory ret) = lens.staticcall(abi.encodeCall(ILens.read, (job.input)));
                (out.ok[i], out.outputs[i]) = ok ? unwrap(ret) : (false, ret);
            }
        }
    }

    /// The `bytes` a lens returned, ABI-wrapped (offset 32, length, data): the data in place, no copy.
    function unwrap(bytes memory ret) private pure returns (bool, bytes memory data) {
        if (ret.length < 64) return (false, ret);
        uint256 offset;
        uint256 length;
        assembly {
            offset := mload(add(ret, 32))
            length := mload(add(ret, 64))
        }
        if (offset != 32 || length > ret.length - 64) return (false, ret);
        assembly {
            data := add(ret, 64)
        }
        return (true, data);
    }

    function plainCalls(bytes memory input) private view returns (bytes memory) {
        Recorder.Log memory log = Recorder.create(64);
        uint256 at = 0;
        while (at < input.length) {
            require(at + 23 <= input.length, "plain calls cut short");
            uint256 head;
            assembly {
                head := mload(add(add(input, 32), at))
            }
            address target = address(uint160(head >> 96));
            uint256 length = (head >> 72) & 0xffffff;
            at += 23;
            require(at + length <= input.length, "plain calls cut short");
            bytes memory callData = new bytes(length);
            assembly {
                let src := add(add(input, 32), at)
                let dst := add(callData, 32)
                for { let i := 0 } lt(i, length) { i := add(i, 32) } { mstore(add(dst, i), mload(add(src, i))) }
            }
            at += length;
            Recorder.call(log, target, callData);
        }
        return Recorder.results(log);
    }
}

/// @notice Placed by state override and called: no size limit on what it returns.
contract ReadDispatcher is Dispatch {
    function run(Job[] memory jobs, address blockNumberSource) external returns (Outcome memory) {
        return dispatch(jobs, blockNumberSource);
    }
}

/// @notice Sent as creation code with no `to` (where state overrides are refused): the constructor creates
/// the lenses, runs the jobs and returns the outcome as its "code", so it is bound by EIP-170 (24,576 bytes)
/// and the creation code by EIP-3860 (49,152 bytes).
contract DeploylessReadDispatcher is Dispatch {
    constructor(Job[] memory jobs, address blockNumberSource) {
        bytes memory encoded = abi.encode(dispatch(jobs, blockNumberSource));
        assembly {
            return(add(encoded, 0x20), mload(encoded))
        }
    }
}

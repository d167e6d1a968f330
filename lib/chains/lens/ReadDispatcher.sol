// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "./Recorder.sol";

/// @notice One job of round 1: a lens at `lens` (placed by state override), a lens to create from
/// `initCode` (deployless), or, with neither, `input` = abi.encode(Call[]) run as plain recorded calls.
struct Job {
    address lens;
    bytes initCode;
    bytes input;
}

struct Call {
    address target;
    bytes callData;
}

/// @notice What round 1 returns: the block it read (from ArbSys where `block.number` is L1's), its
/// timestamp, and per job whether it ran and its encoded Record[] (or its revert data).
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
                out.outputs[i] = abi.encode(plainCalls(abi.decode(job.input, (Call[]))));
            } else {
                (out.ok[i], out.outputs[i]) = lens.staticcall(abi.encodeCall(ILens.read, (job.input)));
            }
        }
    }

    function plainCalls(Call[] memory calls) private view returns (Record[] memory) {
        Recorder.Log memory log = Recorder.create(calls.length);
        for (uint256 i = 0; i < calls.length; i++) {
            Recorder.call(log, calls[i].target, calls[i].callData);
        }
        return Recorder.done(log);
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

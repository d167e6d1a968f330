// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "../../chains/lens/Recorder.sol";

/// @notice One step of a follow-up program. `mode` 0: call `target` with `callData`. `mode` 1: the target
/// is word `fromWord` of step `from`'s answer (an address a first-level read returned: an asset, a reward
/// token). `mode` 2: that word is written into `callData` at byte `offset` (an amount a first-level read
/// returned, as an argument), and the step is skipped when it is zero. A step whose source failed or was
/// skipped is skipped too. Steps only refer to earlier steps.
struct Step {
    address target;
    bytes callData;
    uint256 from;
    uint256 fromWord;
    uint8 mode;
    uint256 offset;
}

/// @notice A small generic lens for modules whose second (and third) level is "an address or an amount a
/// first-level call returned, then a few fixed reads on or with it": it runs the steps in order and
/// records every call it makes, so the modules' readers find each level already answered.
contract FollowUpLens is ILens {
    function read(bytes calldata input) external view returns (bytes memory) {
        Step[] memory steps = abi.decode(input, (Step[]));
        Recorder.Log memory log = Recorder.create(steps.length);
        bool[] memory ok = new bool[](steps.length);
        bytes[] memory answers = new bytes[](steps.length);
        for (uint256 i = 0; i < steps.length; i++) {
            Step memory s = steps[i];
            address target = s.target;
            bytes memory data = s.callData;
            if (s.mode != 0) {
                if (s.from >= i || !ok[s.from]) continue;
                bytes memory source = answers[s.from];
                if (source.length < (s.fromWord + 1) * 32) continue;
                uint256 w;
                uint256 at = 32 + s.fromWord * 32;
                assembly {
                    w := mload(add(source, at))
                }
                if (s.mode == 1) {
                    target = address(uint160(w));
                } else {
                    if (w == 0 || data.length < s.offset + 32) continue;
                    uint256 to = 32 + s.offset;
                    assembly {
                        mstore(add(data, to), w)
                    }
                }
            }
            (ok[i], answers[i]) = Recorder.call(log, target, data);
        }
        return Recorder.done(log);
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (tests only): a hostile "token" whose every call burns all the gas it is given, the way a
/// malicious contract can try to sink a whole multicall. No npm package ships such a contract.
contract GasGuzzler {
    fallback() external {
        while (true) {}
    }
}

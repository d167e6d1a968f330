// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only): the read interface Layerglass uses of an ENS resolver (lib/ens/resolve.ts):
/// `addr(bytes32)` and ERC-165 `supportsInterface`. The npm package ensdomains/ens 0.6.2 ships the registry but no
/// PublicResolver, so the devnet compiles this one. It is not an ENSIP-10 extended resolver.
contract EnsResolverStandIn {
    address public immutable owner;
    mapping(bytes32 => address) private addresses;

    constructor() {
        owner = msg.sender;
    }

    function setAddr(bytes32 node, address a) external {
        require(msg.sender == owner, "owner");
        addresses[node] = a;
    }

    function addr(bytes32 node) external view returns (address) {
        return addresses[node];
    }

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        // ERC-165 itself and `addr(bytes32)` (0x3b3b57de).
        return interfaceId == 0x01ffc9a7 || interfaceId == 0x3b3b57de;
    }
}

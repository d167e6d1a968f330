// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only): a wildcard (ENSIP-10) resolver that answers every name through a CCIP-read
/// gateway (EIP-3668), as off-chain ENS names do: `supportsInterface(IExtendedResolver)` is true and
/// `resolve(bytes,bytes)` (and `addr(bytes32)`) revert with `OffchainLookup`. Layerglass reports such a
/// name and never follows the gateway, so the URL is a placeholder that resolves nowhere.
contract EnsOffchainResolverStandIn {
    error OffchainLookup(address sender, string[] urls, bytes callData, bytes4 callbackFunction, bytes extraData);

    function supportsInterface(bytes4 interfaceId) external pure returns (bool) {
        // ERC-165 and IExtendedResolver (`resolve(bytes,bytes)`, 0x9061b923).
        return interfaceId == 0x01ffc9a7 || interfaceId == 0x9061b923;
    }

    function resolve(bytes calldata name, bytes calldata data) external view returns (bytes memory) {
        lookup(abi.encode(name, data));
    }

    function addr(bytes32 node) external view returns (address) {
        lookup(abi.encode(node));
    }

    function resolveWithProof(bytes calldata response, bytes calldata) external pure returns (bytes memory) {
        return response;
    }

    function lookup(bytes memory callData) private view {
        string[] memory urls = new string[](1);
        urls[0] = "https://ccip-gateway.invalid/{sender}/{data}.json";
        revert OffchainLookup(address(this), urls, callData, this.resolveWithProof.selector, callData);
    }
}

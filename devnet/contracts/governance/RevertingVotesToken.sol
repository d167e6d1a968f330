// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

// Bad input for the governance reader: an ERC-20 that answers `delegates` but whose `getVotes` reverts
// (no npm package ships such a token). Written for the devnet; no protocol source.
contract RevertingVotesToken is ERC20 {
    constructor() ERC20("Broken Votes", "BADVOTE") {}

    function mint(address account, uint256 value) external returns (bool) {
        _mint(account, value);
        return true;
    }

    function delegates(address account) external pure returns (address) {
        return account;
    }

    function getVotes(address) external pure returns (uint256) {
        revert("getVotes: not supported");
    }
}

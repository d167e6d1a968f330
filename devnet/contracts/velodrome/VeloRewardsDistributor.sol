// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// STAND-IN (devnet only): veVELO's rebase distributor with Velodrome's documented read
/// `claimable(tokenId)`. Velodrome computes each week's rebase from the lock's past balance; the devnet's
/// seed credits a lock's rebase directly with `depositFor`.
contract VeloRewardsDistributor {
    address public immutable token;
    address public immutable ve;
    mapping(uint256 => uint256) public claimable;

    constructor(address _token, address _ve) {
        token = _token;
        ve = _ve;
    }

    function depositFor(uint256 tokenId, uint256 amount) external {
        require(IERC20(token).transferFrom(msg.sender, address(this), amount), "VeloRewardsDistributor: transfer");
        claimable[tokenId] += amount;
    }
}

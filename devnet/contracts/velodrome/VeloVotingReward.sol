// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// STAND-IN (devnet only): a Velodrome V2-style voting reward (fees or incentives of one gauge), with the
/// documented read interface `rewardsListLength`, `rewards(i)`, `earned(token, tokenId)`, `totalSupply`,
/// `balanceOf(tokenId)`. The Voter deposits each veNFT's votes; a reward notified is shared among the votes
/// present at that moment (Velodrome itself pays per 7-day epoch; the devnet pays at once).
contract VeloVotingReward {
    address public immutable voter;
    address[] public rewards;
    mapping(address => bool) public isReward;
    uint256 public totalSupply;
    mapping(uint256 => uint256) public balanceOf;
    mapping(address => uint256) internal _index;
    mapping(address => mapping(uint256 => uint256)) internal _paid;
    mapping(address => mapping(uint256 => uint256)) internal _stored;

    constructor(address _voter, address[] memory _rewards) {
        voter = _voter;
        for (uint256 i = 0; i < _rewards.length; i++) _addReward(_rewards[i]);
    }

    function _addReward(address token) internal {
        if (isReward[token]) return;
        isReward[token] = true;
        rewards.push(token);
    }

    function rewardsListLength() external view returns (uint256) {
        return rewards.length;
    }

    function earned(address token, uint256 tokenId) public view returns (uint256) {
        return _stored[token][tokenId] + (balanceOf[tokenId] * (_index[token] - _paid[token][tokenId])) / 1e18;
    }

    function _checkpoint(uint256 tokenId) internal {
        for (uint256 i = 0; i < rewards.length; i++) {
            address token = rewards[i];
            _stored[token][tokenId] = earned(token, tokenId);
            _paid[token][tokenId] = _index[token];
        }
    }

    function _deposit(uint256 amount, uint256 tokenId) external {
        require(msg.sender == voter, "VeloVotingReward: not voter");
        _checkpoint(tokenId);
        totalSupply += amount;
        balanceOf[tokenId] += amount;
    }

    function notifyRewardAmount(address token, uint256 amount) external {
        require(totalSupply > 0, "VeloVotingReward: no votes");
        _addReward(token);
        require(IERC20(token).transferFrom(msg.sender, address(this), amount), "VeloVotingReward: notify");
        _index[token] += (amount * 1e18) / totalSupply;
    }
}

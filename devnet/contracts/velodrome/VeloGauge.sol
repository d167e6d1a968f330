// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

interface IVeloPoolFees {
    function claimFees() external returns (uint256, uint256);
    function tokens() external view returns (address, address);
}

interface IVotingRewardNotify {
    function notifyRewardAmount(address token, uint256 amount) external;
}

/// STAND-IN (devnet only): a Velodrome V2-style gauge with its documented read interface
/// (`stakingToken`, `rewardToken`, `rewardRate`, `periodFinish`, `totalSupply`, `balanceOf`, `earned`,
/// `rewardPerToken`, `left`, `lastTimeRewardApplicable`, `feesVotingReward`). Emissions stream over 7 days
/// from each `notifyRewardAmount` (what is left of a running period is rolled into the new rate), shared
/// by staked LP. The staked LP's trading fees are claimed by the gauge and handed to its voters.
/// `setBroken(true)` makes every read revert, for the app's bad-input test.
contract VeloGauge {
    address public immutable stakingToken;
    address public immutable rewardToken;
    address public immutable feesVotingReward;
    address public immutable owner;
    uint256 internal constant DURATION = 7 days;

    uint256 internal _rewardRate;
    uint256 internal _periodFinish;
    uint256 internal _lastUpdateTime;
    uint256 internal _rewardPerTokenStored;
    uint256 internal _totalSupply;
    mapping(address => uint256) internal _balances;
    mapping(address => uint256) internal _userRewardPerTokenPaid;
    mapping(address => uint256) internal _rewards;
    bool public broken;

    constructor(address _stakingToken, address _rewardToken, address _feesVotingReward) {
        stakingToken = _stakingToken;
        rewardToken = _rewardToken;
        feesVotingReward = _feesVotingReward;
        owner = msg.sender;
    }

    modifier readable() {
        require(!broken, "VeloGauge: broken on purpose");
        _;
    }

    function setBroken(bool value) external {
        require(msg.sender == owner, "VeloGauge: not owner");
        broken = value;
    }

    function rewardRate() external view readable returns (uint256) {
        return _rewardRate;
    }

    function periodFinish() external view readable returns (uint256) {
        return _periodFinish;
    }

    function totalSupply() external view readable returns (uint256) {
        return _totalSupply;
    }

    function balanceOf(address account) external view readable returns (uint256) {
        return _balances[account];
    }

    function lastTimeRewardApplicable() public view returns (uint256) {
        return block.timestamp < _periodFinish ? block.timestamp : _periodFinish;
    }

    function rewardPerToken() public view readable returns (uint256) {
        if (_totalSupply == 0) return _rewardPerTokenStored;
        return
            _rewardPerTokenStored +
            ((lastTimeRewardApplicable() - _lastUpdateTime) * _rewardRate * 1e18) /
            _totalSupply;
    }

    function earned(address account) public view readable returns (uint256) {
        return
            (_balances[account] * (rewardPerToken() - _userRewardPerTokenPaid[account])) /
            1e18 +
            _rewards[account];
    }

    function left() external view readable returns (uint256) {
        if (block.timestamp >= _periodFinish) return 0;
        return (_periodFinish - block.timestamp) * _rewardRate;
    }

    function _updateReward(address account) internal {
        _rewardPerTokenStored = rewardPerToken();
        _lastUpdateTime = lastTimeRewardApplicable();
        if (account != address(0)) {
            _rewards[account] = earned(account);
            _userRewardPerTokenPaid[account] = _rewardPerTokenStored;
        }
    }

    function deposit(uint256 amount) external {
        _updateReward(msg.sender);
        require(IERC20(stakingToken).transferFrom(msg.sender, address(this), amount), "VeloGauge: deposit");
        _totalSupply += amount;
        _balances[msg.sender] += amount;
    }

    function withdraw(uint256 amount) external {
        _updateReward(msg.sender);
        _totalSupply -= amount;
        _balances[msg.sender] -= amount;
        require(IERC20(stakingToken).transfer(msg.sender, amount), "VeloGauge: withdraw");
    }

    function notifyRewardAmount(uint256 amount) external {
        _updateReward(address(0));
        require(IERC20(rewardToken).transferFrom(msg.sender, address(this), amount), "VeloGauge: notify");
        if (block.timestamp >= _periodFinish) {
            _rewardRate = amount / DURATION;
        } else {
            uint256 remaining = (_periodFinish - block.timestamp) * _rewardRate;
            _rewardRate = (amount + remaining) / DURATION;
        }
        require(_rewardRate > 0, "VeloGauge: zero rate");
        _lastUpdateTime = block.timestamp;
        _periodFinish = block.timestamp + DURATION;
    }

    /// Claims the staked LP's trading fees from the pool and hands them to the gauge's voters.
    function claimFees() external returns (uint256 claimed0, uint256 claimed1) {
        (claimed0, claimed1) = IVeloPoolFees(stakingToken).claimFees();
        (address token0, address token1) = IVeloPoolFees(stakingToken).tokens();
        if (claimed0 > 0) {
            IERC20(token0).approve(feesVotingReward, claimed0);
            IVotingRewardNotify(feesVotingReward).notifyRewardAmount(token0, claimed0);
        }
        if (claimed1 > 0) {
            IERC20(token1).approve(feesVotingReward, claimed1);
            IVotingRewardNotify(feesVotingReward).notifyRewardAmount(token1, claimed1);
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Devnet stand-in for a GMX Vester (vGMX, vGLP): the read interface of the @gmx-io/sdk package's Vester ABI that
// Layerglass uses, written for the devnet (no GMX source copied). esGMX deposited for an account vests
// linearly into the claimable token over `vestingDuration`; there is no claim or withdrawal.
contract VesterStandIn {
    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    address public gov;
    address public esToken;
    address public pairToken;
    address public claimableToken;
    address public rewardTracker;
    uint256 public vestingDuration;
    uint256 public totalSupply;
    uint256 public pairSupply;
    bool public hasPairToken = true;
    bool public hasRewardTracker = true;
    bool public hasMaxVestableAmount = true;

    mapping(address => uint256) public balances;
    mapping(address => uint256) public pairAmounts;
    mapping(address => uint256) public cumulativeClaimAmounts;
    mapping(address => uint256) public claimedAmounts;
    mapping(address => uint256) public lastVestingTimes;
    mapping(address => uint256) public bonusRewards;

    event Deposit(address indexed account, uint256 amount);

    constructor(
        string memory name_,
        string memory symbol_,
        uint256 vestingDuration_,
        address esToken_,
        address pairToken_,
        address claimableToken_,
        address rewardTracker_
    ) {
        name = name_;
        symbol = symbol_;
        gov = msg.sender;
        vestingDuration = vestingDuration_;
        esToken = esToken_;
        pairToken = pairToken_;
        claimableToken = claimableToken_;
        rewardTracker = rewardTracker_;
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }

    function getVestedAmount(address account) public view returns (uint256) {
        return balances[account] + cumulativeClaimAmounts[account];
    }

    function claimable(address account) external view returns (uint256) {
        uint256 next = (getVestedAmount(account) * (block.timestamp - lastVestingTimes[account])) / vestingDuration;
        uint256 balance = balances[account];
        return cumulativeClaimAmounts[account] - claimedAmounts[account] + (next > balance ? balance : next);
    }

    function getMaxVestableAmount(address account) external view returns (uint256) {
        return getVestedAmount(account);
    }

    /// Deposits `amount` esGMX for `account` (reserving `pairAmount` of the pair token), now.
    function depositFor(address account, uint256 amount, uint256 pairAmount) external {
        require(msg.sender == gov, "Vester: forbidden");
        require(balances[account] == 0, "Vester: one deposit per account");
        balances[account] = amount;
        totalSupply += amount;
        pairAmounts[account] = pairAmount;
        pairSupply += pairAmount;
        lastVestingTimes[account] = block.timestamp;
        emit Deposit(account, amount);
    }
}

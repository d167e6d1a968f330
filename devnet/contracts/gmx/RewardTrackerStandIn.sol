// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

// Devnet stand-in for a GMX RewardTracker (sGMX, sbGMX, sbeGMX, sbfGMX, fGLP, fsGLP). GMX's trackers are
// not on npm; this implements the read interface of the @gmx-io/sdk package's RewardTracker ABI that Layerglass uses
// (same function names, arguments and return types), written for the devnet: no GMX source is copied.
// Rewards accrue at `tokensPerInterval` per second, shared pro rata by stake, while the supply is above
// zero. The seeding account stakes for accounts in one transaction per tracker (`stakeFor`); there is no
// claim or unstake: the devnet only reads.
contract RewardTrackerStandIn {
    uint256 public constant PRECISION = 1e30;
    uint256 public constant BASIS_POINTS_DIVISOR = 10000;

    string public name;
    string public symbol;
    uint8 public constant decimals = 18;
    address public gov;
    address public rewardToken;
    address public distributor;
    uint256 public tokensPerInterval;
    uint256 public totalSupply;
    bool public isInitialized = true;

    uint256 public cumulativeRewardPerToken;
    uint256 private lastDistribution;

    mapping(address => bool) public isDepositToken;
    mapping(address => uint256) public totalDepositSupply;
    mapping(address => mapping(address => uint256)) public depositBalances;
    mapping(address => uint256) public stakedAmounts;
    mapping(address => uint256) public balances;
    mapping(address => uint256) public claimableReward;
    mapping(address => uint256) public previousCumulatedRewardPerToken;
    mapping(address => uint256) public cumulativeRewards;
    mapping(address => uint256) public averageStakedAmounts;

    event Stake(address indexed account, address indexed depositToken, uint256 amount);
    event TokensPerIntervalChange(uint256 amount);

    constructor(string memory name_, string memory symbol_, address rewardToken_, uint256 tokensPerInterval_) {
        name = name_;
        symbol = symbol_;
        gov = msg.sender;
        rewardToken = rewardToken_;
        distributor = address(this);
        tokensPerInterval = tokensPerInterval_;
        lastDistribution = block.timestamp;
    }

    function balanceOf(address account) external view returns (uint256) {
        return balances[account];
    }

    function pendingRewards() public view returns (uint256) {
        if (totalSupply == 0) return 0;
        return tokensPerInterval * (block.timestamp - lastDistribution);
    }

    function claimable(address account) external view returns (uint256) {
        uint256 stake = stakedAmounts[account];
        if (stake == 0) return claimableReward[account];
        uint256 perToken = cumulativeRewardPerToken;
        if (totalSupply > 0) perToken += (pendingRewards() * PRECISION) / totalSupply;
        return claimableReward[account] + (stake * (perToken - previousCumulatedRewardPerToken[account])) / PRECISION;
    }

    function setTokensPerInterval(uint256 amount) external {
        require(msg.sender == gov, "RewardTracker: forbidden");
        _distribute();
        tokensPerInterval = amount;
        emit TokensPerIntervalChange(amount);
    }

    /// Stakes `amounts[i]` of `tokens[i]` for `accounts[i]`, all in one transaction (one timestamp).
    function stakeFor(address[] calldata accounts, address[] calldata tokens, uint256[] calldata amounts) external {
        require(msg.sender == gov, "RewardTracker: forbidden");
        require(accounts.length == tokens.length && tokens.length == amounts.length, "RewardTracker: lengths");
        _distribute();
        for (uint256 i = 0; i < accounts.length; i++) {
            address account = accounts[i];
            _settle(account);
            isDepositToken[tokens[i]] = true;
            depositBalances[account][tokens[i]] += amounts[i];
            totalDepositSupply[tokens[i]] += amounts[i];
            stakedAmounts[account] += amounts[i];
            balances[account] += amounts[i];
            averageStakedAmounts[account] = stakedAmounts[account];
            totalSupply += amounts[i];
            emit Stake(account, tokens[i], amounts[i]);
        }
    }

    function _distribute() private {
        uint256 reward = pendingRewards();
        if (reward > 0) cumulativeRewardPerToken += (reward * PRECISION) / totalSupply;
        lastDistribution = block.timestamp;
    }

    function _settle(address account) private {
        uint256 stake = stakedAmounts[account];
        uint256 accrued = (stake * (cumulativeRewardPerToken - previousCumulatedRewardPerToken[account])) / PRECISION;
        claimableReward[account] += accrued;
        cumulativeRewards[account] += accrued;
        previousCumulatedRewardPerToken[account] = cumulativeRewardPerToken;
    }
}

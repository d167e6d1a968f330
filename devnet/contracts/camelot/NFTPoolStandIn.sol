// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IMasterStandIn {
    function emissionRate() external view returns (uint256);
    function totalAllocPoint() external view returns (uint256);
    function allocPointOf(address pool) external view returns (uint256);
}

interface IERC20Like {
    function transferFrom(address from, address to, uint256 value) external returns (bool);
}

/// STAND-IN (devnet only): the read interface Layerglass uses of a Camelot NFT pool (spNFT staking
/// positions of one LP token): balanceOf, tokenOfOwnerByIndex, getStakingPosition, pendingRewards,
/// getPoolInfo, xGrailRewardsShare. Camelot's NFTPool is not on npm. Rewards accrue per second at the
/// Master's emission rate × this pool's allocation, shared by amount-with-multiplier; the multiplier is
/// 1 + lockDuration / maxLockDuration × maxLockBonus (basis points of 10 000). Nothing is ever paid out.
contract NFTPoolStandIn {
    struct StakingPosition {
        uint256 amount;
        uint256 amountWithMultiplier;
        uint256 startLockTime;
        uint256 lockDuration;
        uint256 lockMultiplier;
        uint256 rewardDebt;
        uint256 boostPoints;
        uint256 totalMultiplier;
    }

    uint256 public constant MAX_LOCK_DURATION = 183 days;
    uint256 public constant MAX_LOCK_BONUS = 10000;

    IMasterStandIn public immutable master;
    address public immutable lpToken;
    address public immutable grailToken;
    address public immutable xGrailToken;
    uint256 public xGrailRewardsShare;

    uint256 public lastRewardTime;
    uint256 public accRewardsPerShare;
    uint256 public lpSupply;
    uint256 public lpSupplyWithMultiplier;
    uint256 public lastTokenId;

    mapping(uint256 => StakingPosition) private positions;
    mapping(address => uint256[]) private owned;

    constructor(address master_, address lpToken_, address grail_, address xGrail_, uint256 xGrailShare_) {
        master = IMasterStandIn(master_);
        lpToken = lpToken_;
        grailToken = grail_;
        xGrailToken = xGrail_;
        xGrailRewardsShare = xGrailShare_;
        lastRewardTime = block.timestamp;
    }

    function poolRate() public view returns (uint256) {
        uint256 total = master.totalAllocPoint();
        return total == 0 ? 0 : (master.emissionRate() * master.allocPointOf(address(this))) / total;
    }

    function _acc() private view returns (uint256) {
        if (lpSupplyWithMultiplier == 0 || block.timestamp <= lastRewardTime) return accRewardsPerShare;
        return accRewardsPerShare + ((block.timestamp - lastRewardTime) * poolRate() * 1e18) / lpSupplyWithMultiplier;
    }

    function createPosition(uint256 amount, uint256 lockDuration) external {
        require(lockDuration <= MAX_LOCK_DURATION, "lock");
        require(IERC20Like(lpToken).transferFrom(msg.sender, address(this), amount), "transfer");
        accRewardsPerShare = _acc();
        lastRewardTime = block.timestamp;
        uint256 lockMultiplier = (lockDuration * MAX_LOCK_BONUS) / MAX_LOCK_DURATION;
        uint256 totalMultiplier = 10000 + lockMultiplier;
        uint256 withMultiplier = (amount * totalMultiplier) / 10000;
        uint256 id = ++lastTokenId;
        positions[id] = StakingPosition(
            amount,
            withMultiplier,
            block.timestamp,
            lockDuration,
            lockMultiplier,
            (withMultiplier * accRewardsPerShare) / 1e18,
            0,
            totalMultiplier
        );
        owned[msg.sender].push(id);
        lpSupply += amount;
        lpSupplyWithMultiplier += withMultiplier;
    }

    function balanceOf(address owner) external view returns (uint256) {
        return owned[owner].length;
    }

    function tokenOfOwnerByIndex(address owner, uint256 index) external view returns (uint256) {
        require(index < owned[owner].length, "index");
        return owned[owner][index];
    }

    function getStakingPosition(uint256 tokenId) external view returns (StakingPosition memory) {
        return positions[tokenId];
    }

    function pendingRewards(uint256 tokenId) external view returns (uint256) {
        StakingPosition memory p = positions[tokenId];
        return (p.amountWithMultiplier * _acc()) / 1e18 - p.rewardDebt;
    }

    function getPoolInfo()
        external
        view
        returns (address, address, address, uint256, uint256, uint256, uint256, uint256)
    {
        return (
            lpToken,
            grailToken,
            xGrailToken,
            lastRewardTime,
            accRewardsPerShare,
            lpSupply,
            lpSupplyWithMultiplier,
            master.allocPointOf(address(this))
        );
    }
}

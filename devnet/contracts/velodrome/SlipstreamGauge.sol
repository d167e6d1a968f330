// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {Math} from "@openzeppelin/contracts/utils/math/Math.sol";
import {CLPosition, readPosition} from "./SlipstreamTypes.sol";

interface ICLNft {
    function transferFrom(address from, address to, uint256 tokenId) external;
}

/// STAND-IN (devnet only): a Slipstream-style CLGauge with the read interface the app uses (`pool`, `nft`,
/// `rewardToken`, `rewardRate`, `periodFinish`, `earned(account, tokenId)`, `stakedValues(depositor)`,
/// `stakedContains`, `stakedLength`, `stakedByIndex`). Emissions stream over 7 days from each
/// `notifyRewardAmount` (what is left of a running period rolls into the new rate) and are shared by
/// staked liquidity. Simplification: every staked position is taken to be in range (Slipstream pays only
/// in-range staked liquidity, through reward growth inside); the seed keeps the staked ranges around the price.
/// The fees of staked positions stay in their (real Uniswap V3) positions; the pool stand-in reports them
/// as its `gaugeFees`.
contract SlipstreamGauge {
    address public immutable pool;
    address public immutable nft;
    address public immutable rewardToken;
    address public immutable owner;
    uint256 internal constant DURATION = 7 days;
    uint256 internal constant Q128 = 1 << 128;

    uint256 public rewardRate;
    uint256 public periodFinish;
    uint256 internal _lastUpdate;
    uint256 internal _rewardPerLiquidityX128;
    uint256 public totalStakedLiquidity;
    mapping(uint256 => uint256) public rewards;
    mapping(uint256 => uint256) internal _paid;
    mapping(uint256 => address) internal _depositor;
    mapping(uint256 => uint128) internal _liquidity;
    mapping(uint256 => int24) internal _lower;
    mapping(uint256 => int24) internal _upper;
    mapping(address => uint256[]) internal _staked;
    uint256[] internal _all;
    mapping(int24 => int128) public stakedLiquidityNet;

    constructor(address _pool, address _nft, address _rewardToken) {
        pool = _pool;
        nft = _nft;
        rewardToken = _rewardToken;
        owner = msg.sender;
    }

    function stakedValues(address depositor) external view returns (uint256[] memory) {
        return _staked[depositor];
    }

    function stakedLength(address depositor) external view returns (uint256) {
        return _staked[depositor].length;
    }

    function stakedByIndex(address depositor, uint256 index) external view returns (uint256) {
        return _staked[depositor][index];
    }

    function stakedContains(address depositor, uint256 tokenId) external view returns (bool) {
        return depositor != address(0) && _depositor[tokenId] == depositor;
    }

    /// Every staked token id (for the pool stand-in's staked liquidity and gauge fees).
    function stakedTokens() external view returns (uint256[] memory) {
        return _all;
    }

    /// Staked liquidity whose range holds `tick`.
    function stakedLiquidityAt(int24 tick) external view returns (uint128 sum) {
        for (uint256 i = 0; i < _all.length; i++) {
            uint256 id = _all[i];
            if (_lower[id] <= tick && tick < _upper[id]) sum += _liquidity[id];
        }
    }

    function lastTimeRewardApplicable() public view returns (uint256) {
        return block.timestamp < periodFinish ? block.timestamp : periodFinish;
    }

    function _rewardPerLiquidity() internal view returns (uint256) {
        if (totalStakedLiquidity == 0) return _rewardPerLiquidityX128;
        return
            _rewardPerLiquidityX128 +
            Math.mulDiv((lastTimeRewardApplicable() - _lastUpdate) * rewardRate, Q128, totalStakedLiquidity);
    }

    function earned(address account, uint256 tokenId) public view returns (uint256) {
        require(_depositor[tokenId] == account && account != address(0), "CLGauge: not staked");
        return rewards[tokenId] + Math.mulDiv(_liquidity[tokenId], _rewardPerLiquidity() - _paid[tokenId], Q128);
    }

    function _update() internal {
        _rewardPerLiquidityX128 = _rewardPerLiquidity();
        _lastUpdate = lastTimeRewardApplicable();
    }

    function deposit(uint256 tokenId) external {
        _update();
        ICLNft(nft).transferFrom(msg.sender, address(this), tokenId);
        CLPosition memory p = readPosition(nft, tokenId);
        require(p.liquidity > 0, "CLGauge: no liquidity");
        _paid[tokenId] = _rewardPerLiquidityX128;
        _depositor[tokenId] = msg.sender;
        _liquidity[tokenId] = p.liquidity;
        _lower[tokenId] = p.tickLower;
        _upper[tokenId] = p.tickUpper;
        stakedLiquidityNet[p.tickLower] += int128(p.liquidity);
        stakedLiquidityNet[p.tickUpper] -= int128(p.liquidity);
        totalStakedLiquidity += p.liquidity;
        _staked[msg.sender].push(tokenId);
        _all.push(tokenId);
    }

    function notifyRewardAmount(uint256 amount) external {
        _update();
        require(IERC20(rewardToken).transferFrom(msg.sender, address(this), amount), "CLGauge: notify");
        if (block.timestamp >= periodFinish) {
            rewardRate = amount / DURATION;
        } else {
            uint256 remaining = (periodFinish - block.timestamp) * rewardRate;
            rewardRate = (amount + remaining) / DURATION;
        }
        require(rewardRate > 0, "CLGauge: zero rate");
        _lastUpdate = block.timestamp;
        periodFinish = block.timestamp + DURATION;
    }
}

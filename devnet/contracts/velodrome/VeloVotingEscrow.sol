// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";

/// STAND-IN (devnet only): a veVELO-style voting escrow with Velodrome's documented read interface
/// (`token`, `balanceOf(owner)`, `ownerToNFTokenIdList`, `ownerOf`, `locked(tokenId)` → (int128 amount,
/// uint256 end, bool isPermanent), `balanceOfNFT`, `voted`). Locks end on a week boundary, at most four
/// years out; voting power decays linearly: (amount / MAXTIME) × (end − now), as Velodrome's bias/slope.
contract VeloVotingEscrow {
    struct LockedBalance {
        int128 amount;
        uint256 end;
        bool isPermanent;
    }

    address public immutable token;
    address public voter;
    address internal immutable deployer;
    uint256 internal constant WEEK = 1 weeks;
    uint256 internal constant MAXTIME = 4 * 365 * 86400;

    uint256 public tokenId;
    mapping(uint256 => LockedBalance) internal _locked;
    mapping(uint256 => address) public ownerOf;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(uint256 => uint256)) public ownerToNFTokenIdList;
    mapping(uint256 => bool) public voted;

    constructor(address _token) {
        token = _token;
        deployer = msg.sender;
    }

    function setVoter(address _voter) external {
        require(msg.sender == deployer && voter == address(0), "VeloVotingEscrow: voter set");
        voter = _voter;
    }

    function locked(uint256 id) external view returns (LockedBalance memory) {
        return _locked[id];
    }

    function balanceOfNFT(uint256 id) external view returns (uint256) {
        LockedBalance memory l = _locked[id];
        if (l.isPermanent) return uint256(int256(l.amount));
        if (l.end <= block.timestamp) return 0;
        return (uint256(int256(l.amount)) / MAXTIME) * (l.end - block.timestamp);
    }

    function isApprovedOrOwner(address spender, uint256 id) external view returns (bool) {
        return ownerOf[id] == spender;
    }

    function createLockFor(uint256 value, uint256 duration, address to) external returns (uint256 id) {
        uint256 unlockTime = ((block.timestamp + duration) / WEEK) * WEEK;
        require(value > 0, "VeloVotingEscrow: zero value");
        require(unlockTime > block.timestamp, "VeloVotingEscrow: unlock in the past");
        require(unlockTime <= block.timestamp + MAXTIME, "VeloVotingEscrow: over four years");
        require(IERC20(token).transferFrom(msg.sender, address(this), value), "VeloVotingEscrow: transfer");
        id = ++tokenId;
        _locked[id] = LockedBalance(int128(int256(value)), unlockTime, false);
        ownerOf[id] = to;
        ownerToNFTokenIdList[to][balanceOf[to]] = id;
        balanceOf[to] += 1;
    }

    function voting(uint256 id) external {
        require(msg.sender == voter, "VeloVotingEscrow: not voter");
        voted[id] = true;
    }
}

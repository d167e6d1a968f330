// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "../../chains/lens/Recorder.sol";
import {V2Pairs} from "../v2-pairs/V2PairsLens.sol";

/// Slipstream's staked-side read interface as `abi.ts` declares it (only the calldata matters here).
interface ISlipstreamStakedReads {
    // CLFactory
    function allPoolsLength() external view returns (uint256);
    function allPools(uint256 index) external view returns (address);
    // Voter
    function gauges(address pool) external view returns (address);
    function isAlive(address gauge) external view returns (bool);
    // CLGauge
    function stakedValues(address depositor) external view returns (uint256[] memory);
    function earned(address account, uint256 tokenId) external view returns (uint256);
    function rewardRate() external view returns (uint256);
    function periodFinish() external view returns (uint256);
    function rewardToken() external view returns (address);
    // NonfungiblePositionManager
    function positions(uint256 tokenId) external view returns (bytes memory);
    // CLPool
    function slot0() external view returns (bytes memory);
    function feeGrowthGlobal0X128() external view returns (uint256);
    function feeGrowthGlobal1X128() external view returns (uint256);
    function stakedLiquidity() external view returns (uint128);
    function gaugeFees() external view returns (uint128, uint128);
}

/// @notice Round 1 of Slipstream's staked side (`velodrome/slipstream.ts#readSlipstream`, what the V3 lens over
/// the CL manager does not walk): the CL factory's pools, the Voter's gauge of each, `stakedValues(owner)` of
/// every gauge, then for each staked id its position and `earned`, each gauge's reward rate, period, reward
/// token and liveness, each staked pool's slot0, fee growth, staked liquidity and gauge fees, and the metadata
/// of the staked positions' tokens and of the reward tokens. Every call as the reader encodes it; the reader's
/// per-gauge and per-pool reads once per gauge and pool.
/// Input: abi.encode(In(address positionManager, address factory, address voter, address owner,
/// uint256 maxPools, uint256 gasBudget)).
contract SlipstreamGaugeLens is ILens {
    int256 private constant MAX_TICK = 887272;

    struct In {
        address positionManager;
        address factory;
        address voter;
        address owner;
        uint256 maxPools;
        /// In the input, the gas budget; once read, the `gasleft()` below which the lens stops.
        uint256 floor;
    }

    function read(bytes calldata input) external view returns (bytes memory) {
        In memory p = abi.decode(input, (In));
        p.floor = V2Pairs.floorOf(p.floor);
        Recorder.Log memory log = Recorder.create(64);

        // Levels 1–3: the CL pools and their gauges (the reader keeps one gauge per distinct pool).
        address[] memory pools = V2Pairs.enumerate(
            log,
            p.factory,
            abi.encodeCall(ISlipstreamStakedReads.allPoolsLength, ()),
            ISlipstreamStakedReads.allPools.selector,
            p.maxPools,
            p.floor
        );
        V2Pairs.Seen memory seenGauges = V2Pairs.seen(16);
        V2Pairs.Seen memory seenStakedPools = V2Pairs.seen(16);
        V2Pairs.Seen memory tokens = V2Pairs.seen(16);
        for (uint256 i = 0; i < pools.length && gasleft() > p.floor; i++) {
            // (The factory lists each pool once; a repeat would only repeat records.)
            address pool = pools[i];
            (bool ok, address gauge) = V2Pairs.addressCall(
                log, p.voter, abi.encodeCall(ISlipstreamStakedReads.gauges, (pool))
            );
            if (!ok || gauge == address(0)) continue;
            // Level 4: the owner's staked ids; level 5 and 6 for each.
            uint256[] memory ids = stakedIds(log, gauge, p.owner);
            for (uint256 j = 0; j < ids.length && gasleft() > p.floor; j++) {
                staked(log, p, tokens, gauge, ids[j]);
            }
            // Level 5, once per gauge and per pool (as soon as one id is staked there).
            if (ids.length == 0) continue;
            if (V2Pairs.first(seenGauges, gauge)) {
                gaugeReads(log, p.voter, tokens, gauge, pool);
            }
            if (V2Pairs.first(seenStakedPools, pool)) poolReads(log, pool);
        }
        return Recorder.done(log);
    }

    /// `stakedValues(owner)`, decoded as viem decodes a `uint256[]` (an answer it could not decode: none).
    function stakedIds(Recorder.Log memory log, address gauge, address owner)
        private
        view
        returns (uint256[] memory ids)
    {
        (bool ok, bytes memory ret) =
            Recorder.call(log, gauge, abi.encodeCall(ISlipstreamStakedReads.stakedValues, (owner)));
        if (!ok || ret.length < 64) return ids;
        uint256 offset = wordAt(ret, 0);
        if (offset % 32 != 0 || offset > ret.length - 32) return ids;
        uint256 n = wordAt(ret, offset / 32);
        uint256 room = (ret.length - offset - 32) / 32;
        if (n > room) return ids;
        ids = new uint256[](n);
        for (uint256 i = 0; i < n; i++) {
            ids[i] = wordAt(ret, offset / 32 + 1 + i);
        }
    }

    /// A staked id's position and earned; its tokens' metadata when the position is one the reader keeps.
    function staked(Recorder.Log memory log, In memory p, V2Pairs.Seen memory tokens, address gauge, uint256 tokenId)
        private
        view
    {
        (bool ok, bytes memory ret) =
            Recorder.call(log, p.positionManager, abi.encodeCall(ISlipstreamStakedReads.positions, (tokenId)));
        Recorder.call(log, gauge, abi.encodeCall(ISlipstreamStakedReads.earned, (p.owner, tokenId)));
        if (!ok || ret.length < 384) return;
        int256 lower = int256(wordAt(ret, 5));
        int256 upper = int256(wordAt(ret, 6));
        // The reader drops a position whose range is not a valid one (and reads no metadata for it).
        if (lower < -MAX_TICK || upper > MAX_TICK || lower >= upper) return;
        V2Pairs.metadata(log, tokens, address(uint160(wordAt(ret, 2))));
        V2Pairs.metadata(log, tokens, address(uint160(wordAt(ret, 3))));
    }

    /// A gauge's emissions state, its liveness in the Voter, its pool's staked liquidity, the reward token's metadata.
    function gaugeReads(Recorder.Log memory log, address voter, V2Pairs.Seen memory tokens, address gauge, address pool)
        private
        view
    {
        Recorder.call(log, gauge, abi.encodeCall(ISlipstreamStakedReads.rewardRate, ()));
        Recorder.call(log, gauge, abi.encodeCall(ISlipstreamStakedReads.periodFinish, ()));
        (bool ok, address reward) =
            V2Pairs.addressCall(log, gauge, abi.encodeCall(ISlipstreamStakedReads.rewardToken, ()));
        Recorder.call(log, voter, abi.encodeCall(ISlipstreamStakedReads.isAlive, (gauge)));
        Recorder.call(log, pool, abi.encodeCall(ISlipstreamStakedReads.stakedLiquidity, ()));
        if (ok) V2Pairs.metadata(log, tokens, reward);
    }

    /// A staked pool's state (Slipstream's slot0 and fee growth; no ticks for a staked position) and gauge fees.
    function poolReads(Recorder.Log memory log, address pool) private view {
        Recorder.call(log, pool, abi.encodeCall(ISlipstreamStakedReads.slot0, ()));
        Recorder.call(log, pool, abi.encodeCall(ISlipstreamStakedReads.feeGrowthGlobal0X128, ()));
        Recorder.call(log, pool, abi.encodeCall(ISlipstreamStakedReads.feeGrowthGlobal1X128, ()));
        Recorder.call(log, pool, abi.encodeCall(ISlipstreamStakedReads.gaugeFees, ()));
    }

    function wordAt(bytes memory data, uint256 index) private pure returns (uint256 value) {
        assembly {
            value := mload(add(add(data, 32), mul(index, 32)))
        }
    }
}

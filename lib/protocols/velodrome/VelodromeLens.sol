// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "../../chains/lens/Recorder.sol";
import {V2Pairs} from "../v2-pairs/V2PairsLens.sol";

/// Velodrome V2's read interface as `abi.ts` declares it (only the calldata matters here).
interface IVeloReads {
    // PoolFactory
    function allPoolsLength() external view returns (uint256);
    function allPools(uint256 index) external view returns (address);
    // Pool
    function metadata() external view returns (uint256);
    function totalSupply() external view returns (uint256);
    function balanceOf(address account) external view returns (uint256);
    function index0() external view returns (uint256);
    function index1() external view returns (uint256);
    function supplyIndex0(address account) external view returns (uint256);
    function supplyIndex1(address account) external view returns (uint256);
    function claimable0(address account) external view returns (uint256);
    function claimable1(address account) external view returns (uint256);
    // Gauge
    function rewardRate() external view returns (uint256);
    function periodFinish() external view returns (uint256);
    function earned(address account) external view returns (uint256);
    function rewardToken() external view returns (address);
    // Voter
    function gauges(address pool) external view returns (address);
    function isAlive(address gauge) external view returns (bool);
    function gaugeToFees(address gauge) external view returns (address);
    function gaugeToBribe(address gauge) external view returns (address);
    function votes(uint256 tokenId, address pool) external view returns (uint256);
    function lastVoted(uint256 tokenId) external view returns (uint256);
    // VotingEscrow
    function ownerToNFTokenIdList(address owner, uint256 index) external view returns (uint256);
    function locked(uint256 tokenId) external view returns (uint256);
    function balanceOfNFT(uint256 tokenId) external view returns (uint256);
    function voted(uint256 tokenId) external view returns (bool);
    // RewardsDistributor
    function claimable(uint256 tokenId) external view returns (uint256);
    // Fees and incentive voting rewards
    function rewardsListLength() external view returns (uint256);
    function rewards(uint256 index) external view returns (address);
    function earned(address token, uint256 tokenId) external view returns (uint256);
}

/// @notice Everything `velodrome/read.ts#readVelodrome` reads at the read block (V2 pools, gauges, veVELO;
/// not Slipstream), in its eight levels: pools and lock ids; LP balances, gauges, lock state and votes; staked
/// balances; pool and gauge state of the pools held or voted for; token metadata, voting fees earned and
/// incentive lists; incentive tokens; incentives earned.
/// Input: abi.encode(In(address factory, address voter, address ve, address distributor, address velo,
/// address owner, uint256 maxPools, uint256 maxLocks, uint256 gasBudget)).
contract VelodromeLens is ILens {
    uint256 internal constant MAX_INCENTIVES = 50;

    struct In {
        address factory;
        address voter;
        address ve;
        address distributor;
        address velo;
        address owner;
        uint256 maxPools;
        uint256 maxLocks;
        /// In the input, the gas budget; once read, the `gasleft()` below which the lens stops.
        uint256 floor;
    }

    struct Pool {
        address pool;
        address gauge;
        bool unstaked;
        bool interesting;
        bool stateOk;
        address token0;
        address token1;
        bool feesOk;
        address fees;
        bool bribeOk;
        address bribe;
        address[] incentives;
        bool incentivesRead;
    }

    struct Lock {
        uint256 id;
        /// Indexes (into the pools) of the pools this lock votes for.
        uint256[] voted;
        uint256 nVoted;
    }

    function read(bytes calldata input) external view returns (bytes memory) {
        In memory p = abi.decode(input, (In));
        p.floor = V2Pairs.floorOf(p.floor);
        Recorder.Log memory log = Recorder.create(128);
        V2Pairs.Seen memory tokens = V2Pairs.seen(16);

        // Levels 1–2.
        address[] memory addresses = V2Pairs.enumerate(
            log, p.factory, abi.encodeCall(IVeloReads.allPoolsLength, ()), IVeloReads.allPools.selector, p.maxPools, p.floor
        );
        Lock[] memory locks = lockIds(log, p);

        // Level 3: LP balances and gauges; lock state and votes for every pool.
        Pool[] memory pools = new Pool[](addresses.length);
        for (uint256 i = 0; i < addresses.length && gasleft() > p.floor; i++) {
            Pool memory q = pools[i];
            q.pool = addresses[i];
            q.unstaked = Recorder.word(log, q.pool, abi.encodeCall(IVeloReads.balanceOf, (p.owner))) > 0;
            (bool ok, address gauge) =
                V2Pairs.addressCall(log, p.voter, abi.encodeCall(IVeloReads.gauges, (q.pool)));
            if (ok) q.gauge = gauge;
            q.interesting = q.unstaked;
        }
        for (uint256 j = 0; j < locks.length && gasleft() > p.floor; j++) {
            lockState(log, p, locks[j], pools);
        }

        // Level 4: staked balances (a gauge that cannot answer makes an unstaked pool's state worth reading).
        for (uint256 i = 0; i < pools.length && gasleft() > p.floor; i++) {
            Pool memory q = pools[i];
            if (q.gauge == address(0)) continue;
            (bool ok, bytes memory ret) =
                Recorder.call(log, q.gauge, abi.encodeCall(IVeloReads.balanceOf, (p.owner)));
            if (ok && ret.length >= 32 && abi.decode(ret, (uint256)) > 0) q.interesting = true;
        }

        // Level 5: pool and gauge state.
        for (uint256 i = 0; i < pools.length && gasleft() > p.floor; i++) {
            if (pools[i].interesting) poolState(log, tokens, p, pools[i]);
        }

        // Level 6: token metadata; voting fees earned; incentive lists.
        for (uint256 i = 0; i < pools.length && gasleft() > p.floor; i++) {
            if (pools[i].stateOk) {
                V2Pairs.metadata(log, tokens, pools[i].token0);
                V2Pairs.metadata(log, tokens, pools[i].token1);
            }
        }
        if (locks.length > 0) V2Pairs.metadata(log, tokens, p.velo);
        for (uint256 j = 0; j < locks.length && gasleft() > p.floor; j++) {
            Lock memory l = locks[j];
            for (uint256 v = 0; v < l.nVoted; v++) {
                Pool memory q = pools[l.voted[v]];
                if (!q.feesOk || !q.stateOk) continue;
                Recorder.call(log, q.fees, abi.encodeWithSignature("earned(address,uint256)", q.token0, l.id));
                Recorder.call(log, q.fees, abi.encodeWithSignature("earned(address,uint256)", q.token1, l.id));
            }
        }

        // Levels 7–8: incentive tokens, their metadata, and what each lock earned of them.
        for (uint256 j = 0; j < locks.length && gasleft() > p.floor; j++) {
            Lock memory l = locks[j];
            for (uint256 v = 0; v < l.nVoted; v++) {
                Pool memory q = pools[l.voted[v]];
                if (!q.bribeOk) continue;
                if (!q.incentivesRead) incentives(log, tokens, q, pools);
                for (uint256 t = 0; t < q.incentives.length; t++) {
                    Recorder.call(
                        log, q.bribe, abi.encodeWithSignature("earned(address,uint256)", q.incentives[t], l.id)
                    );
                }
            }
        }
        return Recorder.done(log);
    }

    function lockIds(Recorder.Log memory log, In memory p) private view returns (Lock[] memory locks) {
        uint256 n = Recorder.word(log, p.ve, abi.encodeCall(IVeloReads.balanceOf, (p.owner)));
        if (n > p.maxLocks) n = p.maxLocks;
        locks = new Lock[](n);
        uint256 k = 0;
        for (uint256 i = 0; i < n && gasleft() > p.floor; i++) {
            (bool ok, bytes memory ret) =
                Recorder.call(log, p.ve, abi.encodeCall(IVeloReads.ownerToNFTokenIdList, (p.owner, i)));
            if (ok && ret.length >= 32) locks[k++].id = abi.decode(ret, (uint256));
        }
        assembly {
            mstore(locks, k)
        }
    }

    function lockState(Recorder.Log memory log, In memory p, Lock memory l, Pool[] memory pools) private view {
        Recorder.call(log, p.ve, abi.encodeCall(IVeloReads.locked, (l.id)));
        Recorder.call(log, p.ve, abi.encodeCall(IVeloReads.balanceOfNFT, (l.id)));
        Recorder.call(log, p.ve, abi.encodeCall(IVeloReads.voted, (l.id)));
        Recorder.call(log, p.voter, abi.encodeCall(IVeloReads.lastVoted, (l.id)));
        Recorder.call(log, p.distributor, abi.encodeCall(IVeloReads.claimable, (l.id)));
        l.voted = new uint256[](pools.length);
        for (uint256 i = 0; i < pools.length && gasleft() > p.floor; i++) {
            if (Recorder.word(log, p.voter, abi.encodeCall(IVeloReads.votes, (l.id, pools[i].pool))) > 0) {
                l.voted[l.nVoted++] = i;
                pools[i].interesting = true;
            }
        }
    }

    function poolState(Recorder.Log memory log, V2Pairs.Seen memory tokens, In memory p, Pool memory q)
        private
        view
    {
        address pool = q.pool;
        address owner = p.owner;
        (bool ok, bytes memory m) = Recorder.call(log, pool, abi.encodeCall(IVeloReads.metadata, ()));
        // metadata() answers seven words (dec0, dec1, r0, r1, st, t0, t1).
        if (ok && m.length >= 224) {
            uint256 w5;
            uint256 w6;
            assembly {
                w5 := mload(add(m, 192))
                w6 := mload(add(m, 224))
            }
            (q.stateOk, q.token0, q.token1) = (true, address(uint160(w5)), address(uint160(w6)));
        }
        Recorder.call(log, pool, abi.encodeCall(IVeloReads.totalSupply, ()));
        Recorder.call(log, pool, abi.encodeCall(IVeloReads.index0, ()));
        Recorder.call(log, pool, abi.encodeCall(IVeloReads.index1, ()));
        Recorder.call(log, pool, abi.encodeCall(IVeloReads.supplyIndex0, (owner)));
        Recorder.call(log, pool, abi.encodeCall(IVeloReads.supplyIndex1, (owner)));
        Recorder.call(log, pool, abi.encodeCall(IVeloReads.claimable0, (owner)));
        Recorder.call(log, pool, abi.encodeCall(IVeloReads.claimable1, (owner)));
        if (q.gauge == address(0)) return;
        gaugeState(log, tokens, p, q);
    }

    function gaugeState(Recorder.Log memory log, V2Pairs.Seen memory tokens, In memory p, Pool memory q)
        private
        view
    {
        address gauge = q.gauge;
        Recorder.call(log, gauge, abi.encodeCall(IVeloReads.totalSupply, ()));
        Recorder.call(log, gauge, abi.encodeCall(IVeloReads.rewardRate, ()));
        Recorder.call(log, gauge, abi.encodeCall(IVeloReads.periodFinish, ()));
        Recorder.call(log, gauge, abi.encodeWithSignature("earned(address)", p.owner));
        (bool rtOk, address rewardToken) =
            V2Pairs.addressCall(log, gauge, abi.encodeCall(IVeloReads.rewardToken, ()));
        Recorder.call(log, p.voter, abi.encodeCall(IVeloReads.isAlive, (gauge)));
        (q.feesOk, q.fees) = V2Pairs.addressCall(log, p.voter, abi.encodeCall(IVeloReads.gaugeToFees, (gauge)));
        (q.bribeOk, q.bribe) = V2Pairs.addressCall(log, p.voter, abi.encodeCall(IVeloReads.gaugeToBribe, (gauge)));
        // The reader reads the reward token's metadata at level 6; reading it here is the same call.
        if (rtOk) V2Pairs.metadata(log, tokens, rewardToken);
    }

    /// A voted pool's incentive list (up to 50 tokens) and their metadata; shared by pools with one bribe.
    function incentives(Recorder.Log memory log, V2Pairs.Seen memory tokens, Pool memory q, Pool[] memory pools)
        private
        view
    {
        q.incentivesRead = true;
        for (uint256 i = 0; i < pools.length; i++) {
            Pool memory o = pools[i];
            if (o.incentivesRead && o.bribeOk && o.bribe == q.bribe && o.incentives.length > 0) {
                q.incentives = o.incentives;
                return;
            }
        }
        uint256 n = Recorder.word(log, q.bribe, abi.encodeCall(IVeloReads.rewardsListLength, ()));
        if (n > MAX_INCENTIVES) n = MAX_INCENTIVES;
        address[] memory list = new address[](n);
        uint256 k = 0;
        for (uint256 i = 0; i < n; i++) {
            (bool ok, address t) = V2Pairs.addressCall(log, q.bribe, abi.encodeCall(IVeloReads.rewards, (i)));
            if (ok) {
                list[k++] = t;
                V2Pairs.metadata(log, tokens, t);
            }
        }
        assembly {
            mstore(list, k)
        }
        q.incentives = list;
    }
}

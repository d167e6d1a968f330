// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "../../chains/lens/Recorder.sol";
import {V2Pairs} from "../v2-pairs/V2PairsLens.sol";

/// Camelot's reads beyond the factory's pairs (`abi.ts`: the Master, its NFT pools, the factory's getPair).
interface ICamelotReads {
    function poolsLength() external view returns (uint256);
    function getPoolAddressByIndex(uint256 index) external view returns (address);
    function emissionRate() external view returns (uint256);
    function totalAllocPoint() external view returns (uint256);
    function getPair(address tokenA, address tokenB) external view returns (address);
    function balanceOf(address owner) external view returns (uint256);
    function tokenOfOwnerByIndex(address owner, uint256 index) external view returns (uint256);
    function getStakingPosition(uint256 tokenId) external view returns (uint256);
    function pendingRewards(uint256 tokenId) external view returns (uint256);
    function getPoolInfo() external view returns (address);
    function xGrailRewardsShare() external view returns (uint256);
}

/// @notice What `camelot/read.ts` reads besides the factory's pair list (that part is the shared
/// `V2PairsLens` job): the Master's rates and NFT pools, the owner's spNFTs in each (ids, staking positions,
/// pending rewards), the state of each staked LP token's pair and of GRAIL's pairs against priced tokens,
/// and GRAIL's and xGRAIL's metadata.
/// Input: abi.encode(In(address factory, address master, address grail, address xGrail, address owner,
/// address[] quotes, uint256 maxPools, uint256 maxSpNfts, uint256 gasBudget)).
contract CamelotLens is ILens {
    struct In {
        address factory;
        address master;
        address grail;
        address xGrail;
        address owner;
        address[] quotes;
        uint256 maxPools;
        uint256 maxSpNfts;
        /// In the input, the gas budget; once read, the `gasleft()` below which the lens stops.
        uint256 floor;
    }

    function read(bytes calldata input) external view returns (bytes memory) {
        In memory p = abi.decode(input, (In));
        p.floor = V2Pairs.floorOf(p.floor);
        Recorder.Log memory log = Recorder.create(64);
        V2Pairs.Seen memory tokens = V2Pairs.seen(16);
        Recorder.call(log, p.master, abi.encodeCall(ICamelotReads.emissionRate, ()));
        Recorder.call(log, p.master, abi.encodeCall(ICamelotReads.totalAllocPoint, ()));
        for (uint256 i = 0; i < p.quotes.length && gasleft() > p.floor; i++) {
            (bool ok, address pair) =
                V2Pairs.addressCall(log, p.factory, abi.encodeCall(ICamelotReads.getPair, (p.grail, p.quotes[i])));
            if (ok && pair != address(0)) V2Pairs.state(log, tokens, pair, V2Pairs.CAMELOT);
        }
        address[] memory pools = V2Pairs.enumerate(
            log,
            p.master,
            abi.encodeCall(ICamelotReads.poolsLength, ()),
            ICamelotReads.getPoolAddressByIndex.selector,
            p.maxPools,
            p.floor
        );
        for (uint256 i = 0; i < pools.length && gasleft() > p.floor; i++) {
            nftPool(log, tokens, p, pools[i]);
        }
        V2Pairs.metadata(log, tokens, p.grail);
        V2Pairs.metadata(log, tokens, p.xGrail);
        return Recorder.done(log);
    }

    /// One NFT pool: the owner's spNFT count and the pool's info; where the owner holds some, its LP
    /// token's pair state and each spNFT's id, staking position and pending rewards.
    function nftPool(Recorder.Log memory log, V2Pairs.Seen memory tokens, In memory p, address pool) private view {
        uint256 count = Recorder.word(log, pool, abi.encodeCall(ICamelotReads.balanceOf, (p.owner)));
        (bool infoOk, bytes memory info) = Recorder.call(log, pool, abi.encodeCall(ICamelotReads.getPoolInfo, ()));
        Recorder.call(log, pool, abi.encodeCall(ICamelotReads.xGrailRewardsShare, ()));
        // getPoolInfo() answers eight words; the reader decodes them all before it follows the LP token.
        if (count == 0 || !infoOk || info.length < 256) return;
        V2Pairs.state(log, tokens, address(uint160(abi.decode(info, (uint256)))), V2Pairs.CAMELOT);
        if (count > p.maxSpNfts) count = p.maxSpNfts;
        for (uint256 i = 0; i < count && gasleft() > p.floor; i++) {
            (bool ok, bytes memory ret) =
                Recorder.call(log, pool, abi.encodeCall(ICamelotReads.tokenOfOwnerByIndex, (p.owner, i)));
            if (!ok || ret.length < 32) continue;
            uint256 id = abi.decode(ret, (uint256));
            Recorder.call(log, pool, abi.encodeCall(ICamelotReads.getStakingPosition, (id)));
            Recorder.call(log, pool, abi.encodeCall(ICamelotReads.pendingRewards, (id)));
        }
    }
}

// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

interface IVeNft {
    function balanceOfNFT(uint256 tokenId) external view returns (uint256);
    function isApprovedOrOwner(address spender, uint256 tokenId) external view returns (bool);
    function voting(uint256 tokenId) external;
}

interface IVotingRewardDeposit {
    function _deposit(uint256 amount, uint256 tokenId) external;
}

/// STAND-IN (devnet only): a Velodrome V2-style Voter with its documented read interface (`ve`, `length`,
/// `pools(i)`, `gauges(pool)`, `poolForGauge`, `gaugeToFees`, `gaugeToBribe`, `isGauge`, `isAlive`,
/// `weights`, `totalWeight`, `votes(tokenId, pool)`, `poolVote(tokenId, i)`, `usedWeights`, `lastVoted`).
/// Gauges are deployed by the devnet's seed and registered here; `killGauge` marks one dead.
contract VeloVoter {
    address public immutable ve;
    address public immutable governor;
    uint256 public totalWeight;
    address[] public pools;
    mapping(address => address) public gauges;
    mapping(address => address) public poolForGauge;
    mapping(address => address) public gaugeToFees;
    mapping(address => address) public gaugeToBribe;
    mapping(address => bool) public isGauge;
    mapping(address => bool) public isAlive;
    mapping(address => uint256) public weights;
    mapping(uint256 => mapping(address => uint256)) public votes;
    mapping(uint256 => address[]) public poolVote;
    mapping(uint256 => uint256) public usedWeights;
    mapping(uint256 => uint256) public lastVoted;

    constructor(address _ve) {
        ve = _ve;
        governor = msg.sender;
    }

    function length() external view returns (uint256) {
        return pools.length;
    }

    function registerGauge(address pool, address gauge, address fees, address bribe) external {
        require(msg.sender == governor, "VeloVoter: not governor");
        require(gauges[pool] == address(0), "VeloVoter: gauge exists");
        gauges[pool] = gauge;
        poolForGauge[gauge] = pool;
        gaugeToFees[gauge] = fees;
        gaugeToBribe[gauge] = bribe;
        isGauge[gauge] = true;
        isAlive[gauge] = true;
        pools.push(pool);
    }

    function killGauge(address gauge) external {
        require(msg.sender == governor, "VeloVoter: not governor");
        require(isAlive[gauge], "VeloVoter: gauge already dead");
        isAlive[gauge] = false;
    }

    function vote(uint256 tokenId, address[] calldata poolList, uint256[] calldata weightList) external {
        require(IVeNft(ve).isApprovedOrOwner(msg.sender, tokenId), "VeloVoter: not owner");
        require(poolList.length == weightList.length, "VeloVoter: lengths");
        require(usedWeights[tokenId] == 0, "VeloVoter: already voted");
        uint256 power = IVeNft(ve).balanceOfNFT(tokenId);
        uint256 total = 0;
        for (uint256 i = 0; i < weightList.length; i++) total += weightList[i];
        uint256 used = 0;
        for (uint256 i = 0; i < poolList.length; i++) {
            address pool = poolList[i];
            address gauge = gauges[pool];
            require(isGauge[gauge] && isAlive[gauge], "VeloVoter: no live gauge");
            uint256 w = (weightList[i] * power) / total;
            require(w > 0, "VeloVoter: zero weight");
            poolVote[tokenId].push(pool);
            votes[tokenId][pool] += w;
            weights[pool] += w;
            IVotingRewardDeposit(gaugeToFees[gauge])._deposit(w, tokenId);
            IVotingRewardDeposit(gaugeToBribe[gauge])._deposit(w, tokenId);
            used += w;
        }
        usedWeights[tokenId] = used;
        totalWeight += used;
        lastVoted[tokenId] = block.timestamp;
        IVeNft(ve).voting(tokenId);
    }
}

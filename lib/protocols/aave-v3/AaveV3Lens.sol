// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ILens, Record, Recorder} from "../../chains/lens/Recorder.sol";

struct Call {
    address target;
    bytes callData;
}

/// @notice The market and the reader's first level: its calls as the reader encodes them (`first`), and
/// which of them the next levels depend on (`none` where the market has no such contract).
struct Input {
    Call[] first;
    uint256 listAt;
    uint256 uiReservesAt;
    uint256 uiUserAt;
    uint256 rewardsListAt;
    address pool;
    address dataProvider;
    address oracle;
    address rewardsController;
    address owner;
}

interface IPool {
    function getReserveData(address asset) external view;
}

interface IDataProvider {
    function getUserReserveData(address asset, address user) external view;
}

interface IOracle {
    function getAssetPrice(address asset) external view;
}

interface IERC20Meta {
    function symbol() external view;
    function name() external view;
    function decimals() external view;
    function totalSupply() external view;
}

interface IRewardsController {
    function getRewardsData(address asset, address reward) external view;
    function getAllUserRewards(address[] calldata assets, address user) external view;
}

/// @notice Aave V3's round 1, level by level as `read.ts` reads it: the first level; then the reserves and
/// the account's balances, from UiPoolDataProviderV3 when both its reads answered, else reserve by reserve
/// (Pool.getReserveData, getUserReserveData, the oracle's price, the token's metadata); then, where the
/// RewardsController lists rewards, the incentives level (supplies and streams of the tokens the account
/// holds, the unclaimed amounts over every token, the rewards' metadata).
contract AaveV3Lens is ILens {
    uint256 private constant NONE = type(uint256).max;

    struct Market {
        address[] aTokens;
        address[] debtTokens;
        /// Tokens (aToken or variable debt token) the account holds, in the reader's order.
        address[] held;
        uint256 reserves;
        uint256 heldCount;
    }

    function read(bytes calldata data) external view returns (bytes memory) {
        Input memory input = abi.decode(data, (Input));
        Recorder.Log memory log = Recorder.create(input.first.length * 4 + 32);
        bool[] memory ok = new bool[](input.first.length);
        bytes[] memory answers = new bytes[](input.first.length);
        for (uint256 i = 0; i < input.first.length; i++) {
            (ok[i], answers[i]) = Recorder.call(log, input.first[i].target, input.first[i].callData);
        }
        Market memory m;
        bool viaUi = input.uiReservesAt != NONE && ok[input.uiReservesAt] && ok[input.uiUserAt];
        if (viaUi) {
            m = fromUi(answers[input.uiReservesAt], answers[input.uiUserAt]);
        } else {
            if (!ok[input.listAt] || answers[input.listAt].length < 64) return Recorder.done(log);
            m = fromPool(log, input, abi.decode(answers[input.listAt], (address[])));
        }
        if (
            input.rewardsController != address(0) && input.rewardsListAt != NONE && ok[input.rewardsListAt]
                && answers[input.rewardsListAt].length >= 64
        ) {
            address[] memory rewards = abi.decode(answers[input.rewardsListAt], (address[]));
            if (rewards.length > 0) incentives(log, input, m, rewards);
        }
        return Recorder.done(log);
    }

    function word(bytes memory b, uint256 pos) private pure returns (uint256 w) {
        require(pos + 32 <= b.length, "short answer");
        assembly {
            w := mload(add(add(b, 32), pos))
        }
    }

    /// @dev `getReservesData` returns (AggregatedReserveData[], BaseCurrencyInfo): an array of dynamic tuples
    /// (asset at field 0, aToken at 19, variable debt token at 21); `getUserReservesData` returns
    /// (UserReserveData[], uint8): static tuples of 7 words (asset 0, scaled aToken balance 1, scaled
    /// variable debt 4).
    function fromUi(bytes memory reserves, bytes memory user) private pure returns (Market memory m) {
        uint256 at = word(reserves, 0);
        uint256 n = word(reserves, at);
        require(n <= reserves.length / 32, "bad length");
        address[] memory assets = new address[](n);
        m.aTokens = new address[](n);
        m.debtTokens = new address[](n);
        m.reserves = n;
        for (uint256 i = 0; i < n; i++) {
            uint256 t = at + 32 + word(reserves, at + 32 + 32 * i);
            assets[i] = address(uint160(word(reserves, t)));
            m.aTokens[i] = address(uint160(word(reserves, t + 32 * 19)));
            m.debtTokens[i] = address(uint160(word(reserves, t + 32 * 21)));
        }
        uint256 u = word(user, 0);
        uint256 k = word(user, u);
        require(k <= user.length / 32, "bad length");
        m.held = new address[](2 * k);
        for (uint256 j = 0; j < k; j++) {
            uint256 e = u + 32 + 224 * j;
            address asset = address(uint160(word(user, e)));
            for (uint256 i = 0; i < n; i++) {
                if (assets[i] != asset) continue;
                if (word(user, e + 32) > 0) m.held[m.heldCount++] = m.aTokens[i];
                if (word(user, e + 128) > 0) m.held[m.heldCount++] = m.debtTokens[i];
                break;
            }
        }
    }

    /// @dev Pool.getReserveData returns ReserveDataLegacy (15 words: aToken at 8, variable debt token at 10);
    /// getUserReserveData's current aToken balance is word 0 and current variable debt word 2.
    function fromPool(Recorder.Log memory log, Input memory input, address[] memory list)
        private
        view
        returns (Market memory m)
    {
        m.aTokens = new address[](list.length);
        m.debtTokens = new address[](list.length);
        m.held = new address[](2 * list.length);
        for (uint256 i = 0; i < list.length; i++) {
            address asset = list[i];
            (bool okReserve, bytes memory reserve) =
                Recorder.call(log, input.pool, abi.encodeCall(IPool.getReserveData, (asset)));
            (bool okUser, bytes memory user) = Recorder.call(
                log, input.dataProvider, abi.encodeCall(IDataProvider.getUserReserveData, (asset, input.owner))
            );
            Recorder.call(log, input.oracle, abi.encodeCall(IOracle.getAssetPrice, (asset)));
            metadata(log, asset);
            if (!okReserve || reserve.length < 15 * 32) continue;
            address aToken = address(uint160(word(reserve, 32 * 8)));
            address debtToken = address(uint160(word(reserve, 32 * 10)));
            m.aTokens[m.reserves] = aToken;
            m.debtTokens[m.reserves] = debtToken;
            m.reserves++;
            if (!okUser || user.length < 9 * 32) continue;
            if (word(user, 0) > 0) m.held[m.heldCount++] = aToken;
            if (word(user, 64) > 0) m.held[m.heldCount++] = debtToken;
        }
    }

    function metadata(Recorder.Log memory log, address token) private view {
        Recorder.call(log, token, abi.encodeCall(IERC20Meta.symbol, ()));
        Recorder.call(log, token, abi.encodeCall(IERC20Meta.name, ()));
        Recorder.call(log, token, abi.encodeCall(IERC20Meta.decimals, ()));
    }

    function incentives(Recorder.Log memory log, Input memory input, Market memory m, address[] memory rewards)
        private
        view
    {
        address controller = input.rewardsController;
        for (uint256 i = 0; i < m.heldCount; i++) {
            address token = m.held[i];
            Recorder.call(log, token, abi.encodeCall(IERC20Meta.totalSupply, ()));
            for (uint256 j = 0; j < rewards.length; j++) {
                Recorder.call(log, controller, abi.encodeCall(IRewardsController.getRewardsData, (token, rewards[j])));
            }
        }
        address[] memory all = new address[](2 * m.reserves);
        for (uint256 i = 0; i < m.reserves; i++) {
            all[2 * i] = m.aTokens[i];
            all[2 * i + 1] = m.debtTokens[i];
        }
        Recorder.call(log, controller, abi.encodeCall(IRewardsController.getAllUserRewards, (all, input.owner)));
        for (uint256 j = 0; j < rewards.length; j++) {
            metadata(log, rewards[j]);
        }
    }
}

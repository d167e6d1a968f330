// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

import {ERC721} from "@openzeppelin/contracts/token/ERC721/ERC721.sol";
import {ERC721Enumerable} from "@openzeppelin/contracts/token/ERC721/extensions/ERC721Enumerable.sol";

interface IUniswapV3Manager {
    struct CollectParams {
        uint256 tokenId;
        address recipient;
        uint128 amount0Max;
        uint128 amount1Max;
    }

    function ownerOf(uint256 tokenId) external view returns (address);
    function factory() external view returns (address);
    function collect(CollectParams calldata params) external payable returns (uint256 amount0, uint256 amount1);
}

interface IUniswapV3FeeTiers {
    function feeAmountTickSpacing(uint24 fee) external view returns (int24);
}

/// STAND-IN (devnet only): a Slipstream-style NonfungiblePositionManager with the read interface the app
/// uses (ERC-721 enumerable `balanceOf`/`tokenOfOwnerByIndex`/`ownerOf`, `positions(tokenId)` with the
/// pool's tick spacing where Uniswap's has the fee tier, `collect` for a static call from the owner,
/// `factory`). Each position is a real Uniswap V3 position (v3-periphery, from npm) held by this contract:
/// `positions` and `collect` are answered by the real Uniswap manager, so the amounts, fee growth and fees
/// are Uniswap V3's own. The seed mints the Uniswap position to this contract and `wrap`s it.
contract SlipstreamPositionManager is ERC721Enumerable {
    struct CollectParams {
        uint256 tokenId;
        address recipient;
        uint128 amount0Max;
        uint128 amount1Max;
    }

    address public immutable underlying;
    address public immutable underlyingFactory;
    address public immutable factory;
    address public immutable admin;
    mapping(uint256 => uint256) public underlyingId;
    uint256 internal _nextId = 1;

    constructor(address _underlying, address _factory) ERC721("Slipstream Position (devnet)", "CL-POS") {
        underlying = _underlying;
        underlyingFactory = IUniswapV3Manager(_underlying).factory();
        factory = _factory;
        admin = msg.sender;
    }

    /// Issues a position for a Uniswap V3 position this contract holds.
    function wrap(uint256 uniswapTokenId, address to) external returns (uint256 tokenId) {
        require(msg.sender == admin, "CLPositionManager: not admin");
        require(IUniswapV3Manager(underlying).ownerOf(uniswapTokenId) == address(this), "CLPositionManager: not held");
        tokenId = _nextId++;
        underlyingId[tokenId] = uniswapTokenId;
        _mint(to, tokenId);
    }

    /// Slipstream's layout: (nonce, operator, token0, token1, tickSpacing, tickLower, tickUpper, liquidity,
    /// feeGrowthInside0LastX128, feeGrowthInside1LastX128, tokensOwed0, tokensOwed1).
    function positions(uint256 tokenId)
        external
        view
        returns (uint96, address, address, address, int24, int24, int24, uint128, uint256, uint256, uint128, uint128)
    {
        uint256 uniswapId = underlyingId[tokenId];
        require(uniswapId != 0, "Invalid token ID");
        (bool ok, bytes memory data) = underlying.staticcall(abi.encodeWithSignature("positions(uint256)", uniswapId));
        require(ok && data.length == 384, "CLPositionManager: underlying positions");
        uint24 fee;
        assembly {
            fee := mload(add(data, 0xa0))
        }
        int256 spacing = int256(IUniswapV3FeeTiers(underlyingFactory).feeAmountTickSpacing(fee));
        assembly {
            mstore(add(data, 0xa0), spacing)
            return(add(data, 0x20), 384)
        }
    }

    function collect(CollectParams calldata params) external payable returns (uint256 amount0, uint256 amount1) {
        address owner = _requireOwned(params.tokenId);
        require(_isAuthorized(owner, msg.sender, params.tokenId), "Not approved");
        return IUniswapV3Manager(underlying).collect(
            IUniswapV3Manager.CollectParams({
                tokenId: underlyingId[params.tokenId],
                recipient: params.recipient,
                amount0Max: params.amount0Max,
                amount1Max: params.amount1Max
            })
        );
    }

    function onERC721Received(address, address, uint256, bytes calldata) external pure returns (bytes4) {
        return this.onERC721Received.selector;
    }
}

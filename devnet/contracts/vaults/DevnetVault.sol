// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {ERC4626} from "@openzeppelin/contracts/token/ERC20/extensions/ERC4626.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/**
 * OpenZeppelin 5.7.0's ERC4626, concrete, for the Layerglass devnet. Everything a reader calls is
 * OpenZeppelin's own code; the additions are devnet levers only: a strategy loss (assets leave the
 * vault without burning shares, so the share price falls) and a switch that makes the public
 * `convertToAssets` revert (a broken vault for bad-input tests). Gains are plain transfers of the
 * asset into the vault.
 */
contract DevnetVault is ERC4626 {
    using SafeERC20 for IERC20;

    address public immutable strategist;
    uint8 private immutable _offset;
    bool public broken;

    constructor(IERC20 asset_, string memory name_, string memory symbol_, uint8 offset_)
        ERC20(name_, symbol_)
        ERC4626(asset_)
    {
        strategist = msg.sender;
        _offset = offset_;
    }

    function _decimalsOffset() internal view override returns (uint8) {
        return _offset;
    }

    function convertToAssets(uint256 shares) public view override returns (uint256) {
        require(!broken, "DevnetVault: convertToAssets disabled");
        return super.convertToAssets(shares);
    }

    function realiseLoss(uint256 assets, address to) external {
        require(msg.sender == strategist, "DevnetVault: not the strategist");
        IERC20(asset()).safeTransfer(to, assets);
    }

    function setBroken(bool value) external {
        require(msg.sender == strategist, "DevnetVault: not the strategist");
        broken = value;
    }
}

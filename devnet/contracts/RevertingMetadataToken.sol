// SPDX-License-Identifier: MIT
pragma solidity ^0.8.20;

/// STAND-IN (devnet only): an ERC-20 whose `symbol()`, `name()` and `decimals()` revert (metadata is
/// optional in ERC-20, and some tokens ship without it). No npm package ships such a token's bytecode, so
/// the devnet compiles this one to prove a pool of it still lists and says what is wrong.
contract RevertingMetadataToken {
    uint256 public totalSupply;
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    function symbol() external pure returns (string memory) {
        revert("no symbol");
    }

    function name() external pure returns (string memory) {
        revert("no name");
    }

    function decimals() external pure returns (uint8) {
        revert("no decimals");
    }

    function mint(address to, uint256 amount) external {
        totalSupply += amount;
        balanceOf[to] += amount;
        emit Transfer(address(0), to, amount);
    }

    function transfer(address to, uint256 amount) external returns (bool) {
        balanceOf[msg.sender] -= amount;
        balanceOf[to] += amount;
        emit Transfer(msg.sender, to, amount);
        return true;
    }

    function approve(address spender, uint256 amount) external returns (bool) {
        allowance[msg.sender][spender] = amount;
        emit Approval(msg.sender, spender, amount);
        return true;
    }

    function transferFrom(address from, address to, uint256 amount) external returns (bool) {
        allowance[from][msg.sender] -= amount;
        balanceOf[from] -= amount;
        balanceOf[to] += amount;
        emit Transfer(from, to, amount);
        return true;
    }
}

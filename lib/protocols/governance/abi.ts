import { parseAbi } from 'viem';

/**
 * ERC20Votes' read interface (OpenZeppelin 4.x and 5.x; OP's GovernanceToken, GMX's GovToken in
 * @gmx-io/sdk's `GovToken` ABI): to whom an account delegates and the votes it holds, at the read block.
 */
export const votesAbi = parseAbi([
  'function balanceOf(address account) view returns (uint256)',
  'function decimals() view returns (uint8)',
  'function delegates(address account) view returns (address)',
  'function getVotes(address account) view returns (uint256)',
]);

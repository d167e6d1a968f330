import { ChainlinkOptimism } from '@aave-dao/aave-address-book';
import { describe, expect, it } from 'vitest';
import { MAINNET_PRICES } from '../../prices/mainnet';
import { MAINNET_TOKENS } from '../../tokens/mainnet';
import { VELODROME_MAINNET } from './addresses';

/**
 * The mainnet table holds exactly the addresses the project's facts confirm from Velodrome's own
 * repository (velodrome-finance/contracts@1ea5feec README §Deployment, deployment-addresses/optimism.json;
 * shared/reference/staking-facts.md §1.1), and VELO is priced by the VELODROME/USD feed of the address book.
 */
const FACTS = {
  velo: '0x9560e827aF36c94D2Ac33a39bCE1Fe78631088Db',
  votingEscrow: '0xFAf8FD17D9840595845582fCB047DF13f006787d',
  voter: '0x41C914ee0c7E1A5edCD0295623e6dC557B5aBf3C',
  poolFactory: '0xF1046053aa5682b4F9a81b5481394DA16BE5FF5a',
  rewardsDistributor: '0x9D4736EC60715e71aFe72973f7885DCBC21EA99b',
};

describe('Velodrome mainnet table', () => {
  it('is OP Mainnet only, with the addresses the facts confirm', () => {
    expect(Object.keys(VELODROME_MAINNET)).toEqual(['10']);
    expect(VELODROME_MAINNET[10]).toEqual(FACTS);
    // Slipstream's factory and position manager are UNVERIFIED in the facts: devnet only.
    expect(VELODROME_MAINNET[10]?.slipstream).toBeUndefined();
  });

  it('lists VELO among the OP tokens, priced by the address book VELODROME/USD feed', () => {
    const velo = MAINNET_TOKENS[10].find((t) => t.symbol === 'VELO');
    expect(velo?.address).toBe(FACTS.velo);
    expect(MAINNET_PRICES[10].VELO.feeds.map((f) => f.address.toLowerCase())).toEqual([
      ChainlinkOptimism.VELODROME__USD.toLowerCase(),
    ]);
    expect(velo?.price).toBe(MAINNET_PRICES[10].VELO);
  });
});

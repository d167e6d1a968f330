/** The wallet's balances show and sort like a protocol's positions, under this id. */
export const WALLET_PROTOCOL = 'wallet';

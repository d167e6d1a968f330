import { describe, expect, it } from 'vitest';
import { DEFAULT_L1_PORT, devnetL1Port, devnetPorts } from './cli';
import { DEFAULT_PORTS } from './start';

describe('devnet ports', () => {
  it('defaults: the three L2s and chain 1 (ENS) beside them', () => {
    expect(devnetPorts({})).toEqual(DEFAULT_PORTS);
    expect(devnetL1Port({})).toBe(DEFAULT_L1_PORT);
  });

  it('three ports set the L2s and leave chain 1 to a free port; a fourth sets chain 1', () => {
    const three = { LAYERGLASS_DEVNET_PORTS: '9645,9646,9647' };
    expect(devnetPorts(three)).toEqual({ 10: 9645, 42161: 9646, 324: 9647 });
    expect(devnetL1Port(three)).toBeUndefined();
    const four = { LAYERGLASS_DEVNET_PORTS: '9645,9646,9647,9648' };
    expect(devnetPorts(four)).toEqual({ 10: 9645, 42161: 9646, 324: 9647 });
    expect(devnetL1Port(four)).toBe(9648);
  });

  it('anything else is refused with the expected form', () => {
    expect(() => devnetPorts({ LAYERGLASS_DEVNET_PORTS: '9645,9646' })).toThrow('three ports');
    expect(() => devnetPorts({ LAYERGLASS_DEVNET_PORTS: '1,2,3,4,5' })).toThrow('three ports');
  });
});

import { describe, expect, it } from 'vitest';
import { hasStateOverride, isDeployless, roundTrips } from './latency-proxy';
import { type RecordedRequest, sequentialDepth } from './rpc-recorder';

const span = (start: number, end: number) => ({ start, end });

describe('roundTrips', () => {
  it('counts requests in flight together once, and each one sent after an answer as one more', () => {
    expect(roundTrips([])).toBe(0);
    expect(roundTrips([span(0, 10), span(1, 11), span(2, 9)])).toBe(1);
    // Two levels, then a third sent after the second level answered.
    expect(roundTrips([span(0, 10), span(10, 20), span(12, 20), span(21, 30)])).toBe(3);
    // A request that starts before the slow one answers does not wait on it.
    expect(roundTrips([span(0, 100), span(0, 5), span(6, 12), span(13, 20)])).toBe(3);
  });

  it('agrees with the recorder’s quadratic definition on random timings', () => {
    let seed = 7;
    const rand = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    for (let t = 0; t < 50; t++) {
      const spans = Array.from({ length: 40 }, () => {
        const start = Math.floor(rand() * 200);
        return span(start, start + 1 + Math.floor(rand() * 40));
      });
      const recorded: RecordedRequest[] = spans.map((s) => ({ method: 'x', params: [], ...s }));
      expect(roundTrips(spans)).toBe(sequentialDepth(recorded));
    }
  });
});

describe('what the proxy can refuse', () => {
  const to = '0x00000000000000000000000000000000000000aa';
  it('tells a state override (third eth_call parameter) apart', () => {
    expect(hasStateOverride({ method: 'eth_call', params: [{ to, data: '0x' }, 'latest'] })).toBe(false);
    expect(
      hasStateOverride({ method: 'eth_call', params: [{ to }, 'latest', { [to]: { code: '0x00' } }] }),
    ).toBe(true);
    expect(hasStateOverride({ method: 'eth_estimateGas', params: [{ to }, 'latest', {}] })).toBe(false);
  });
  it('tells a deployless call (no `to`) apart', () => {
    expect(isDeployless({ method: 'eth_call', params: [{ data: '0x60' }, 'latest'] })).toBe(true);
    expect(isDeployless({ method: 'eth_call', params: [{ to: null, data: '0x60' }, 'latest'] })).toBe(true);
    expect(isDeployless({ method: 'eth_call', params: [{ to, data: '0x60' }, 'latest'] })).toBe(false);
    expect(isDeployless({ method: 'eth_sendTransaction', params: [{ data: '0x60' }] })).toBe(false);
  });
});

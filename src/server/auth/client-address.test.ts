import { addressMatcher, normaliseAddress } from './client-address';

describe('client addresses', () => {
  it('normalises IPv4-mapped IPv6 and refuses junk', () => {
    expect(normaliseAddress('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(normaliseAddress('::1')).toBe('::1');
    expect(normaliseAddress('FD00::1')).toBe('fd00::1');
    expect(normaliseAddress(undefined)).toBe('unknown');
    expect(normaliseAddress('evil.example')).toBe('unknown');
  });

  it('matches IPs and CIDR blocks, v4 and v6', () => {
    const trusted = addressMatcher(['10.1.2.3', '192.168.0.0/16', '::1', 'fd00:abcd::/32']);
    for (const ok of ['10.1.2.3', '192.168.255.1', '::1', 'fd00:abcd:1::5']) expect([ok, trusted(ok)]).toEqual([ok, true]);
    for (const no of ['10.1.2.4', '192.169.0.1', '::2', 'fd00:abce::1', 'unknown', '']) expect([no, trusted(no)]).toEqual([no, false]);
  });
});

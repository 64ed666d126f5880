import { LoginThrottle } from './login-throttle';

function setup() {
  let now = 1_000_000;
  const throttle = new LoginThrottle(() => now);
  const fail = (account: string, ip: string) => {
    const v = throttle.begin(account, ip);
    if (v.ok) v.failed();
    return v;
  };
  return { throttle, fail, advance: (ms: number) => (now += ms) };
}

describe('LoginThrottle', () => {
  it('locks an account for 15 minutes after 5 failures in 15 minutes, from any IP', () => {
    const { throttle, fail, advance } = setup();
    for (let i = 0; i < 5; i++) expect(fail('alice', `10.0.0.${i}`).ok).toBe(true);
    const locked = throttle.begin('alice', '10.9.9.9');
    expect(locked).toEqual({ ok: false, retryAfterSeconds: 900 });
    expect(throttle.begin('bob', '10.9.9.9').ok).toBe(true);
    advance(15 * 60_000 - 1000);
    expect(throttle.begin('alice', '10.9.9.8')).toEqual({ ok: false, retryAfterSeconds: 1 });
    advance(1000);
    expect(throttle.begin('alice', '10.9.9.8').ok).toBe(true);
  });

  it('forgets failures older than the window', () => {
    const { throttle, fail, advance } = setup();
    for (let i = 0; i < 4; i++) fail('alice', '10.0.0.1');
    advance(15 * 60_000 + 1);
    for (let i = 0; i < 4; i++) expect(fail('alice', '10.0.0.1').ok).toBe(true);
    expect(throttle.begin('alice', '10.0.0.1').ok).toBe(true);
  });

  it('blocks an IP after 20 failures across accounts', () => {
    const { throttle, fail } = setup();
    for (let i = 0; i < 20; i++) expect(fail(`user${i}`, '192.0.2.7').ok).toBe(true);
    const v = throttle.begin('someone-new', '192.0.2.7');
    expect(v.ok).toBe(false);
    expect(throttle.begin('someone-new', '192.0.2.8').ok).toBe(true);
  });

  it('a success clears the account and takes back its own IP count', () => {
    const { throttle, fail } = setup();
    for (let i = 0; i < 4; i++) fail('alice', '10.0.0.1');
    const ok = throttle.begin('alice', '10.0.0.1');
    expect(ok.ok).toBe(true);
    if (ok.ok) ok.succeeded();
    for (let i = 0; i < 4; i++) expect(fail('alice', '10.0.0.1').ok).toBe(true);
  });

  it('counts attempts still in flight, so parallel guesses cannot pass the limit', () => {
    const { throttle } = setup();
    const started = Array.from({ length: 10 }, () => throttle.begin('alice', '10.0.0.1'));
    expect(started.filter((v) => v.ok)).toHaveLength(5);
    expect(started.filter((v) => !v.ok)).toHaveLength(5);
  });

  it('clear() forgets every lock', () => {
    const { throttle, fail } = setup();
    for (let i = 0; i < 5; i++) fail('alice', '10.0.0.1');
    expect(throttle.begin('alice', '10.0.0.1').ok).toBe(false);
    throttle.clear();
    expect(throttle.begin('alice', '10.0.0.1').ok).toBe(true);
  });
});

import { resolveClient, rewriteForwarded, trustedProxies } from '../server/forwarded.mjs';

/**
 * Who the admin believes is on the other end. Attack: a client that reaches the admin directly sends
 * X-Forwarded-For/-Proto to pick the address the API throttles it by, or to claim https.
 */
function request(peer, headers = {}, encrypted = false) {
  return { socket: { remoteAddress: peer, encrypted }, headers: { ...headers } };
}

describe('the admin believes forwarding headers only from its trusted proxies', () => {
  const proxies = trustedProxies('10.0.0.5, 172.30.0.0/24');

  it('ignores X-Forwarded-For and -Proto from anyone else (an attacker picking an address)', () => {
    const attacker = request('203.0.113.9', {
      'x-forwarded-for': '198.51.100.1',
      'x-forwarded-proto': 'https',
    });
    expect(resolveClient(attacker, proxies)).toEqual({ ip: '203.0.113.9', protocol: 'http' });
  });

  it('takes the right-most untrusted address of the chain from a trusted proxy, not what the client prepended', () => {
    const behindProxy = request('::ffff:10.0.0.5', {
      'x-forwarded-for': '1.2.3.4, 198.51.100.7, 172.30.0.9',
      'x-forwarded-proto': 'http, https',
    });
    expect(resolveClient(behindProxy, proxies)).toEqual({ ip: '198.51.100.7', protocol: 'https' });
  });

  it('refuses garbage in the chain and an unknown protocol', () => {
    const odd = request('10.0.0.5', { 'x-forwarded-for': 'bukan-alamat', 'x-forwarded-proto': 'gopher' });
    expect(resolveClient(odd, proxies)).toEqual({ ip: '10.0.0.5', protocol: 'http' });
  });

  it('trusts nobody when nothing is configured, and rewrites the headers Astro reads', () => {
    const none = trustedProxies('');
    const spoof = request('127.0.0.1', { 'x-forwarded-for': '8.8.8.8', 'x-forwarded-host': 'evil.example' });
    const client = resolveClient(spoof, none);
    expect(client).toEqual({ ip: '127.0.0.1', protocol: 'http' });
    rewriteForwarded(spoof, client);
    expect(spoof.headers).toEqual({ 'x-forwarded-for': '127.0.0.1', 'x-forwarded-proto': 'http' });
  });

  it('refuses a proxy list it cannot read', () => {
    expect(() => trustedProxies('proxy.example')).toThrow(/ADMIN_TRUSTED_PROXIES/);
  });
});

// Who is really on the other end of a request, believing X-Forwarded-For/-Proto only from proxies the operator
// listed (ADMIN_TRUSTED_PROXIES): a client that reaches the admin directly cannot pick its own address (which
// the API throttles sign-ins by) or claim https.
import { BlockList, isIP } from 'node:net';

/** `loopback`, addresses and CIDR ranges, comma-separated; empty: trust no peer. */
export function trustedProxies(setting = '') {
  const list = new BlockList();
  for (const entry of setting
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean)) {
    if (entry === 'loopback') {
      list.addSubnet('127.0.0.0', 8, 'ipv4');
      list.addAddress('::1', 'ipv6');
      continue;
    }
    const [address, bits] = entry.split('/');
    const family = isIP(address ?? '') === 6 ? 'ipv6' : 'ipv4';
    if (!isIP(address ?? ''))
      throw new Error(`ADMIN_TRUSTED_PROXIES: "${entry}" is not an address or CIDR range`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return list;
}

/** `::ffff:10.0.0.1` (an IPv4 peer on a dual-stack socket) is 10.0.0.1. */
export function plainAddress(address = '') {
  return address.startsWith('::ffff:') && isIP(address.slice(7)) === 4 ? address.slice(7) : address;
}

function trusted(list, address) {
  const family = isIP(address);
  return family !== 0 && list.check(address, family === 6 ? 'ipv6' : 'ipv4');
}

/**
 * The client's address and the protocol it used. From a trusted peer: the right-most address in the
 * X-Forwarded-For chain that is not itself a trusted proxy, and the last X-Forwarded-Proto. From anyone else:
 * the socket's own address and protocol.
 */
export function resolveClient(request, list) {
  const peer = plainAddress(request.socket.remoteAddress);
  const ownProtocol = request.socket.encrypted ? 'https' : 'http';
  if (!trusted(list, peer)) return { ip: peer, protocol: ownProtocol };
  const chain = String(request.headers['x-forwarded-for'] ?? '')
    .split(',')
    .map((part) => plainAddress(part.trim()))
    .filter((part) => isIP(part));
  let ip = peer;
  for (let index = chain.length - 1; index >= 0; index--) {
    ip = chain[index];
    if (!trusted(list, ip)) break;
  }
  const forwarded = String(request.headers['x-forwarded-proto'] ?? '')
    .split(',')
    .pop()
    ?.trim();
  return { ip, protocol: forwarded === 'https' || forwarded === 'http' ? forwarded : ownProtocol };
}

/** Replaces whatever forwarding headers arrived with the resolved ones, the only ones Astro then reads. */
export function rewriteForwarded(request, client) {
  for (const name of [
    'x-forwarded-for',
    'x-forwarded-proto',
    'x-forwarded-host',
    'x-forwarded-port',
    'forwarded',
  ]) {
    delete request.headers[name];
  }
  request.headers['x-forwarded-for'] = client.ip;
  request.headers['x-forwarded-proto'] = client.protocol;
}

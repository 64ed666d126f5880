import { BlockList, isIP } from 'node:net';
import type { Context } from 'hono';

/**
 * The client's address is the socket's peer (never a header): with
 * @hono/node-server that is c.env.incoming.socket.remoteAddress. Tests and
 * other adapters inject their own.
 */
export type ClientAddress = (c: Context) => string;

/** "::ffff:10.0.0.1" -> "10.0.0.1"; anything unreadable -> "unknown". */
export function normaliseAddress(address: string | undefined | null): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:([0-9.]+)$/i.exec(address);
  const plain = mapped ? (mapped[1] as string) : address;
  return isIP(plain) ? plain.toLowerCase() : 'unknown';
}

export const socketAddress: ClientAddress = (c) => {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return normaliseAddress(env?.incoming?.socket?.remoteAddress);
};

/** Matches addresses against IPs and CIDR blocks, v4 and v6 (already validated by env.ts). */
export function addressMatcher(entries: readonly string[]): (address: string) => boolean {
  const list = new BlockList();
  for (const entry of entries) {
    const [ip = '', prefix] = entry.split('/');
    const type = isIP(ip) === 6 ? 'ipv6' : 'ipv4';
    if (prefix === undefined) list.addAddress(ip, type);
    else list.addSubnet(ip, Number(prefix), type);
  }
  return (address) => {
    const family = isIP(address);
    if (family === 0) return false;
    return list.check(address, family === 6 ? 'ipv6' : 'ipv4');
  };
}

import { isIP } from 'node:net';

/** An IP address as a number: 32 bits for IPv4, 128 bits for IPv6. */
export interface IpValue {
  readonly family: 4 | 6;
  readonly value: bigint;
}

/** A CIDR block such as `10.0.0.0/8` or `::1/128`. */
export interface Cidr {
  readonly family: 4 | 6;
  readonly base: bigint;
  readonly prefix: number;
}

const BITS = { 4: 32, 6: 128 } as const;

/** Strips `[...]` brackets and an IPv6 zone id (`fe80::1%eth0`) so `net.isIP` can judge the rest. */
export function bareAddress(address: string): string {
  let text = address.trim();
  if (text.startsWith('[') && text.endsWith(']')) text = text.slice(1, -1);
  const zone = text.indexOf('%');
  return zone >= 0 && text.includes(':') ? text.slice(0, zone) : text;
}

/** Parses a literal IPv4/IPv6 address (strictly, as `net.isIP` accepts it), or returns undefined. */
export function parseIp(address: string): IpValue | undefined {
  const text = bareAddress(address);
  const family = isIP(text);
  if (family === 4) return { family: 4, value: parseIPv4(text) };
  if (family === 6) return { family: 6, value: parseIPv6(text) };
  return undefined;
}

function parseIPv4(text: string): bigint {
  return text.split('.').reduce((acc, octet) => (acc << 8n) | BigInt(Number(octet)), 0n);
}

function parseIPv6(text: string): bigint {
  const [head, tail] = splitDoubleColon(text);
  const groups = toGroups(head);
  const tailGroups = toGroups(tail);
  const missing = 8 - groups.length - tailGroups.length;
  const all = [...groups, ...new Array<number>(Math.max(0, missing)).fill(0), ...tailGroups];
  return all.reduce((acc, group) => (acc << 16n) | BigInt(group), 0n);
}

function splitDoubleColon(text: string): [string, string] {
  const at = text.indexOf('::');
  if (at < 0) return [text, ''];
  return [text.slice(0, at), text.slice(at + 2)];
}

/** Hex groups of one side of `::`; a trailing dotted quad counts as two groups. */
function toGroups(part: string): number[] {
  if (part === '') return [];
  return part.split(':').flatMap((group) => {
    if (!group.includes('.')) return [parseInt(group, 16)];
    const v4 = Number(parseIPv4(group));
    return [v4 >>> 16, v4 & 0xffff];
  });
}

export function formatIPv4(value: bigint): string {
  const n = Number(value & 0xffffffffn);
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

/** Parses `a.b.c.d/n`, `x::y/n` or a bare address (a host route). Throws on anything else. */
export function parseCidr(text: string): Cidr {
  const [addressText, prefixText, ...rest] = text.trim().split('/');
  const ip = parseIp(addressText ?? '');
  const bits = ip ? BITS[ip.family] : 0;
  const prefix = prefixText === undefined ? bits : Number(prefixText);
  const validPrefix = prefixText === undefined || /^\d{1,3}$/.test(prefixText);
  if (!ip || rest.length > 0 || !validPrefix || prefix > bits) {
    throw new RangeError(`invalid CIDR: ${JSON.stringify(text)}`);
  }
  return { family: ip.family, base: maskTo(ip.value, prefix, bits), prefix };
}

function maskTo(value: bigint, prefix: number, bits: number): bigint {
  if (prefix === 0) return 0n;
  const hostBits = BigInt(bits - prefix);
  return (value >> hostBits) << hostBits;
}

export function cidrContains(cidr: Cidr, ip: IpValue): boolean {
  if (cidr.family !== ip.family) return false;
  return maskTo(ip.value, cidr.prefix, BITS[ip.family]) === cidr.base;
}

/** Reads bits [from, from+count) of an IPv6 value, counting from the most significant bit. */
export function ipv6Bits(value: bigint, from: number, count: number): bigint {
  const shift = BigInt(128 - from - count);
  return (value >> shift) & ((1n << BigInt(count)) - 1n);
}

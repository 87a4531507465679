import {
  type Cidr,
  type IpValue,
  bareAddress,
  cidrContains,
  formatIPv4,
  ipv6Bits,
  parseCidr,
  parseIp,
} from './ip.js';

export type AddressKind =
  | 'global'
  | 'unspecified'
  | 'this_network'
  | 'loopback'
  | 'private'
  | 'cgnat'
  | 'link_local'
  | 'ietf_protocol'
  | 'documentation'
  | 'benchmarking'
  | 'multicast'
  | 'broadcast'
  | 'reserved'
  | 'unique_local'
  | 'site_local'
  | 'discard_only'
  | 'ipv4_compatible'
  | 'teredo'
  | 'orchid'
  | 'nat64_local';

/** How an IPv4 address is carried inside an IPv6 one. */
export type Embedding =
  'ipv4_mapped' | 'ipv4_translated' | 'ipv4_compatible' | 'nat64' | '6to4' | 'teredo';

export interface AddressClass {
  /** The bare address as given (brackets and zone id removed). */
  readonly address: string;
  readonly family: 4 | 6;
  readonly kind: AddressKind;
  readonly globallyRoutable: boolean;
  /** For IPv6 forms that carry an IPv4 address: which form and the IPv4 it reaches. */
  readonly embedded?: {
    readonly via: Embedding;
    readonly ipv4: string;
    readonly kind: AddressKind;
  };
}

type Rule = readonly [cidr: string, kind: AddressKind];

// Order matters: the first matching rule wins, so narrow blocks come before wide ones.
// Sources: IANA IPv4/IPv6 Special-Purpose Address Registries (RFC 6890 and updates).
const IPV4_RULES: readonly Rule[] = [
  ['0.0.0.0/32', 'unspecified'],
  ['0.0.0.0/8', 'this_network'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'cgnat'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link_local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'ietf_protocol'],
  ['192.0.2.0/24', 'documentation'],
  ['192.88.99.0/24', 'reserved'], // deprecated 6to4 relay anycast (RFC 7526)
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'benchmarking'],
  ['198.51.100.0/24', 'documentation'],
  ['203.0.113.0/24', 'documentation'],
  ['224.0.0.0/4', 'multicast'],
  ['255.255.255.255/32', 'broadcast'],
  ['240.0.0.0/4', 'reserved'],
];

// Prefixes that embed IPv4 are handled before these rules (see embeddedIPv4).
const IPV6_RULES: readonly Rule[] = [
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['100::/64', 'discard_only'],
  ['100:0:0:1::/64', 'discard_only'], // dummy IPv6 prefix (RFC 9780)
  ['2001:2::/48', 'benchmarking'],
  ['2001:db8::/32', 'documentation'],
  ['2001:10::/28', 'orchid'],
  ['2001:20::/28', 'orchid'],
  ['2001::/23', 'ietf_protocol'],
  ['3fff::/20', 'documentation'],
  ['5f00::/16', 'reserved'], // SRv6 SIDs (RFC 9602)
  ['fc00::/7', 'unique_local'],
  ['fe80::/10', 'link_local'],
  ['fec0::/10', 'site_local'],
  ['ff00::/8', 'multicast'],
];

const compile = (rules: readonly Rule[]) =>
  rules.map(([c, kind]) => ({ cidr: parseCidr(c), kind }));
const V4 = compile(IPV4_RULES);
const V6 = compile(IPV6_RULES);
const GLOBAL_UNICAST_V6 = parseCidr('2000::/3');
const CIDR = {
  mapped: parseCidr('::ffff:0:0/96'),
  translated: parseCidr('::ffff:0:0:0/96'),
  compatible: parseCidr('::/96'),
  nat64: parseCidr('64:ff9b::/96'),
  nat64Local: parseCidr('64:ff9b:1::/48'),
  sixToFour: parseCidr('2002::/16'),
  teredo: parseCidr('2001::/32'),
};

function firstMatch(rules: typeof V4, ip: IpValue): AddressKind | undefined {
  return rules.find((rule) => cidrContains(rule.cidr, ip))?.kind;
}

function classifyV4(value: bigint): AddressKind {
  return firstMatch(V4, { family: 4, value }) ?? 'global';
}

/** Finds an IPv4 address carried by an IPv6 one, and the form that carries it. */
function embeddedIPv4(ip: IpValue): { via: Embedding; v4: bigint } | undefined {
  const low32 = ip.value & 0xffffffffn;
  if (cidrContains(CIDR.mapped, ip)) return { via: 'ipv4_mapped', v4: low32 };
  if (cidrContains(CIDR.translated, ip)) return { via: 'ipv4_translated', v4: low32 };
  if (cidrContains(CIDR.nat64, ip)) return { via: 'nat64', v4: low32 };
  if (cidrContains(CIDR.sixToFour, ip)) return { via: '6to4', v4: ipv6Bits(ip.value, 16, 32) };
  // Teredo stores the client's IPv4 inverted in the last 32 bits (RFC 4380).
  if (cidrContains(CIDR.teredo, ip)) return { via: 'teredo', v4: ~low32 & 0xffffffffn };
  // :: and ::1 are themselves, not IPv4-compatible forms of 0.0.0.0 / 0.0.0.1.
  if (cidrContains(CIDR.compatible, ip) && low32 > 1n) return { via: 'ipv4_compatible', v4: low32 };
  return undefined;
}

/** Local-use NAT64 (RFC 8215): only the common /96 form has a knowable embedded IPv4. */
function isNat64LocalSlash96(ip: IpValue): boolean {
  return cidrContains(CIDR.nat64Local, ip) && ipv6Bits(ip.value, 48, 48) === 0n;
}

function classifyV6(ip: IpValue, address: string): AddressClass {
  const base = { address, family: 6 as const };
  const nat64Local = isNat64LocalSlash96(ip);
  const carried = nat64Local
    ? { via: 'nat64' as const, v4: ip.value & 0xffffffffn }
    : embeddedIPv4(ip);
  if (carried) {
    const v4Kind = classifyV4(carried.v4);
    const embedded = { via: carried.via, ipv4: formatIPv4(carried.v4), kind: v4Kind };
    // Teredo and IPv4-compatible are tunnelling / deprecated forms: never a feed's real address.
    const forced =
      carried.via === 'teredo'
        ? 'teredo'
        : carried.via === 'ipv4_compatible'
          ? 'ipv4_compatible'
          : undefined;
    const kind = forced ?? v4Kind;
    return { ...base, kind, globallyRoutable: kind === 'global', embedded };
  }
  if (cidrContains(CIDR.nat64Local, ip))
    return { ...base, kind: 'nat64_local', globallyRoutable: false };
  const kind = firstMatch(V6, ip) ?? (cidrContains(GLOBAL_UNICAST_V6, ip) ? 'global' : 'reserved');
  return { ...base, kind, globallyRoutable: kind === 'global' };
}

/** Classifies a literal IP address; undefined when the text is not one. */
export function classifyAddress(address: string): AddressClass | undefined {
  const bare = bareAddress(address);
  const ip = parseIp(bare);
  if (!ip) return undefined;
  if (ip.family === 6) return classifyV6(ip, bare);
  const kind = classifyV4(ip.value);
  return { address: bare, family: 4, kind, globallyRoutable: kind === 'global' };
}

/** Parses an allow-list: an array of CIDRs or one comma/space separated string. */
export function parseAllowList(spec: string | readonly string[] | undefined): Cidr[] {
  if (spec === undefined) return [];
  const items = typeof spec === 'string' ? spec.split(/[\s,]+/) : spec;
  return items.filter((item) => item.trim() !== '').map(parseCidr);
}

export type AddressVerdict =
  | {
      readonly allowed: true;
      readonly address: string;
      readonly by: 'global' | 'allow_list';
      readonly class: AddressClass;
    }
  | {
      readonly allowed: false;
      readonly address: string;
      readonly reason: string;
      readonly class?: AddressClass;
    };

/**
 * Refuses every address that is not globally routable unless the allow-list covers it.
 * An IPv4-mapped/translated address also matches the allow-list through its IPv4 form, since the
 * socket really connects to that IPv4 endpoint.
 */
export class AddressGuard {
  private readonly allow: readonly Cidr[];

  constructor(allow: string | readonly string[] | undefined = []) {
    this.allow = parseAllowList(allow);
  }

  check(address: string): AddressVerdict {
    const cls = classifyAddress(address);
    if (!cls) return { allowed: false, address, reason: 'not an IP address' };
    if (this.isAllowListed(cls))
      return { allowed: true, address: cls.address, by: 'allow_list', class: cls };
    if (cls.globallyRoutable)
      return { allowed: true, address: cls.address, by: 'global', class: cls };
    return { allowed: false, address: cls.address, reason: describe(cls), class: cls };
  }

  private isAllowListed(cls: AddressClass): boolean {
    const candidates = [cls.address];
    const via = cls.embedded?.via;
    if (via === 'ipv4_mapped' || via === 'ipv4_translated') candidates.push(cls.embedded!.ipv4);
    return candidates.some((text) => {
      const ip = parseIp(text)!;
      return this.allow.some((cidr) => cidrContains(cidr, ip));
    });
  }
}

function describe(cls: AddressClass): string {
  const inner = cls.embedded
    ? ` (${cls.embedded.via} of ${cls.embedded.ipv4}, ${cls.embedded.kind})`
    : '';
  return `${cls.address} is ${cls.kind.replace(/_/g, '-')}${inner}, not globally routable`;
}

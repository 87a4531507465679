import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AddressGuard, classifyAddress, parseAllowList } from './address-guard.js';
import { cidrContains, parseCidr, parseIp } from './ip.js';

const CASES: ReadonlyArray<readonly [address: string, kind: string, embedded?: string]> = [
  // IPv4 special-purpose blocks, including their edges
  ['0.0.0.0', 'unspecified'],
  ['0.1.2.3', 'this_network'],
  ['10.0.0.1', 'private'],
  ['10.255.255.255', 'private'],
  ['100.63.255.255', 'global'],
  ['100.64.0.1', 'cgnat'],
  ['100.127.255.255', 'cgnat'],
  ['100.128.0.0', 'global'],
  ['127.0.0.1', 'loopback'],
  ['127.255.255.254', 'loopback'],
  ['169.254.169.254', 'link_local'],
  ['172.15.255.255', 'global'],
  ['172.16.0.1', 'private'],
  ['172.31.255.255', 'private'],
  ['172.32.0.0', 'global'],
  ['192.0.0.8', 'ietf_protocol'],
  ['192.0.2.10', 'documentation'],
  ['192.88.99.1', 'reserved'],
  ['192.168.1.1', 'private'],
  ['198.17.255.255', 'global'],
  ['198.18.0.1', 'benchmarking'],
  ['198.19.255.255', 'benchmarking'],
  ['198.20.0.0', 'global'],
  ['198.51.100.7', 'documentation'],
  ['203.0.113.200', 'documentation'],
  ['224.0.0.251', 'multicast'],
  ['239.255.255.250', 'multicast'],
  ['240.0.0.1', 'reserved'],
  ['255.255.255.254', 'reserved'],
  ['255.255.255.255', 'broadcast'],
  ['8.8.8.8', 'global'],
  ['93.184.216.34', 'global'],
  ['1.1.1.1', 'global'],
  // IPv6
  ['::', 'unspecified'],
  ['::1', 'loopback'],
  ['[::1]', 'loopback'],
  ['fe80::1', 'link_local'],
  ['fe80::1%eth0', 'link_local'],
  ['febf::1', 'link_local'],
  ['fec0::1', 'site_local'],
  ['fc00::1', 'unique_local'],
  ['fd00::1', 'unique_local'],
  ['fdff:ffff::1', 'unique_local'],
  ['ff02::1', 'multicast'],
  ['ff0e::101', 'multicast'],
  ['100::1', 'discard_only'],
  ['100:0:0:1::5', 'discard_only'],
  ['2001:db8::1', 'documentation'],
  ['3fff::1', 'documentation'],
  ['2001:2::1', 'benchmarking'],
  ['2001:10::1', 'orchid'],
  ['2001:20::1', 'orchid'],
  ['2001:4::1', 'ietf_protocol'],
  ['5f00::1', 'reserved'],
  ['4000::1', 'reserved'],
  ['1234::1', 'reserved'],
  ['2606:4700:4700::1111', 'global'],
  ['2a00:1450:4001:82b::200e', 'global'],
  // IPv6 forms carrying an IPv4 address: the IPv4 decides
  ['::ffff:127.0.0.1', 'loopback', '127.0.0.1'],
  ['::ffff:7f00:1', 'loopback', '127.0.0.1'],
  ['[::ffff:127.0.0.1]', 'loopback', '127.0.0.1'],
  ['::ffff:10.1.2.3', 'private', '10.1.2.3'],
  ['::ffff:a9fe:a9fe', 'link_local', '169.254.169.254'],
  ['::ffff:8.8.8.8', 'global', '8.8.8.8'],
  ['::ffff:0:a00:1', 'private', '10.0.0.1'],
  ['64:ff9b::a00:1', 'private', '10.0.0.1'],
  ['64:ff9b::127.0.0.1', 'loopback', '127.0.0.1'],
  ['64:ff9b::169.254.169.254', 'link_local', '169.254.169.254'],
  ['64:ff9b::808:808', 'global', '8.8.8.8'],
  ['64:ff9b:1::a00:1', 'private', '10.0.0.1'],
  ['64:ff9b:1::808:808', 'global', '8.8.8.8'],
  ['64:ff9b:1:a00:0:100::', 'nat64_local'],
  ['2002:a00:1::1', 'private', '10.0.0.1'],
  ['2002:7f00:1::', 'loopback', '127.0.0.1'],
  ['2002:808:808::1', 'global', '8.8.8.8'],
  ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'teredo', '192.0.2.45'],
  ['2001::ffff:ffff', 'teredo', '0.0.0.0'],
  ['::127.0.0.1', 'ipv4_compatible', '127.0.0.1'],
  ['::8.8.8.8', 'ipv4_compatible', '8.8.8.8'],
];

describe('classifyAddress', () => {
  for (const [address, kind, embedded] of CASES) {
    it(`${address} is ${kind}`, () => {
      const cls = classifyAddress(address);
      assert.ok(cls, 'should parse');
      assert.equal(cls.kind, kind);
      assert.equal(cls.globallyRoutable, kind === 'global');
      assert.equal(cls.embedded?.ipv4, embedded);
    });
  }

  for (const text of [
    '',
    'example.com',
    '127.1',
    '0x7f000001',
    '2130706433',
    '1.2.3.4.5',
    '::g',
    '[::1',
  ]) {
    it(`rejects non-literal ${JSON.stringify(text)}`, () => {
      assert.equal(classifyAddress(text), undefined);
    });
  }
});

describe('parseCidr / cidrContains', () => {
  const table: ReadonlyArray<readonly [cidr: string, address: string, inside: boolean]> = [
    ['127.0.0.0/8', '127.0.0.1', true],
    ['127.0.0.0/8', '128.0.0.1', false],
    ['10.1.2.3/8', '10.200.0.1', true],
    ['0.0.0.0/0', '203.0.113.1', true],
    ['0.0.0.0/0', '::1', false],
    ['::1/128', '::1', true],
    ['::1/128', '::2', false],
    ['::1', '::1', true],
    ['fd00::/8', 'fd12:3456::1', true],
    ['fd00::/8', 'fe00::1', false],
    ['192.168.1.7', '192.168.1.7', true],
    ['192.168.1.7', '192.168.1.8', false],
  ];
  for (const [cidr, address, inside] of table) {
    it(`${address} ${inside ? 'in' : 'not in'} ${cidr}`, () => {
      assert.equal(cidrContains(parseCidr(cidr), parseIp(address)!), inside);
    });
  }

  for (const bad of ['10.0.0.0/33', '::/129', 'example.com/8', '10.0.0.0/x', '10.0.0.0/8/8', '']) {
    it(`throws on ${JSON.stringify(bad)}`, () => assert.throws(() => parseCidr(bad), RangeError));
  }
});

describe('parseAllowList', () => {
  it('accepts a comma separated string and arrays', () => {
    assert.equal(parseAllowList('127.0.0.0/8,::1/128').length, 2);
    assert.equal(parseAllowList(' 127.0.0.0/8 , ::1/128 ').length, 2);
    assert.equal(parseAllowList(['10.0.0.0/8']).length, 1);
    assert.equal(parseAllowList('').length, 0);
    assert.equal(parseAllowList(undefined).length, 0);
  });
});

describe('AddressGuard', () => {
  const table: ReadonlyArray<readonly [allow: string, address: string, allowed: boolean]> = [
    ['', '127.0.0.1', false],
    ['', '::1', false],
    ['', '::ffff:127.0.0.1', false],
    ['', '10.0.0.1', false],
    ['', '169.254.169.254', false],
    ['', '64:ff9b::a00:1', false],
    ['', '8.8.8.8', true],
    ['', '2606:4700:4700::1111', true],
    ['', '64:ff9b::808:808', true],
    ['127.0.0.0/8,::1/128', '127.0.0.1', true],
    ['127.0.0.0/8,::1/128', '127.0.0.2', true],
    ['127.0.0.0/8,::1/128', '::1', true],
    ['127.0.0.0/8,::1/128', '::ffff:127.0.0.1', true],
    ['127.0.0.0/8,::1/128', '10.0.0.1', false],
    ['127.0.0.0/8,::1/128', '64:ff9b::7f00:1', false],
    ['127.0.0.0/8,::1/128', '2002:7f00:1::', false],
    ['127.0.0.1/32', '127.0.0.2', false],
    ['10.0.0.0/8', '10.9.9.9', true],
  ];
  for (const [allow, address, allowed] of table) {
    it(`allow=[${allow}] ${address} -> ${allowed ? 'allowed' : 'refused'}`, () => {
      const verdict = new AddressGuard(allow).check(address);
      assert.equal(verdict.allowed, allowed);
      if (!verdict.allowed) assert.match(verdict.reason, /not globally routable|not an IP/);
    });
  }

  it('refuses text that is not an IP', () => {
    const verdict = new AddressGuard('0.0.0.0/0').check('localhost');
    assert.equal(verdict.allowed, false);
  });

  it('says why it refused', () => {
    const verdict = new AddressGuard().check('64:ff9b::a9fe:a9fe');
    assert.equal(verdict.allowed, false);
    assert.match(verdict.allowed ? '' : verdict.reason, /nat64 of 169\.254\.169\.254, link_local/);
  });
});

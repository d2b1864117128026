// Port/protocol sets and IP address pieces: set algebra worked by hand, and the text netpol-analyzer
// prints for them (`TCP 1-65535,UDP 53`, `first-last[External]`).

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConnectionSet } from '../../src/engine/connectivity/ports';
import { blockRanges, partition, rangeName } from '../../src/engine/connectivity/addresses';
import { formatCsv, formatMd, goString } from '../../src/engine/connectivity/formats';
import { parseCidr, type Cidr } from '../../src/engine/util/cidr';

const tcp = (start: number, end = start) => ConnectionSet.ports('TCP', start, end);
const udp = (start: number, end = start) => ConnectionSet.ports('UDP', start, end);
const sctp = (start: number, end = start) => ConnectionSet.ports('SCTP', start, end);

test('conn text: protocols sorted, ports merged into ranges, All Connections only for all three protocols', () => {
  assert.equal(ConnectionSet.ALL.toString(), 'All Connections');
  assert.equal(ConnectionSet.NONE.toString(), 'No Connections');
  assert.equal(udp(53).union(ConnectionSet.ports('TCP')).toString(), 'TCP 1-65535,UDP 53');
  assert.equal(tcp(80).union(tcp(81)).union(tcp(443)).union(tcp(82, 90)).toString(), 'TCP 80-90,443');
  assert.equal(sctp(9000).union(udp(53)).union(tcp(1, 1024)).toString(), 'SCTP 9000,TCP 1-1024,UDP 53');
  const tcpAndUdp = ConnectionSet.ports('TCP').union(ConnectionSet.ports('UDP'));
  assert.equal(tcpAndUdp.toString(), 'TCP 1-65535,UDP 1-65535');
  assert.equal(tcpAndUdp.union(ConnectionSet.ports('SCTP')).toString(), 'All Connections');
});

test('union, intersection and difference of port sets', () => {
  const a = tcp(1, 100).union(udp(53));
  const b = tcp(50, 200).union(sctp(1, 10));
  assert.equal(a.intersect(b).toString(), 'TCP 50-100');
  assert.equal(a.union(b).toString(), 'SCTP 1-10,TCP 1-200,UDP 53');
  assert.equal(a.subtract(b).toString(), 'TCP 1-49,UDP 53');
  assert.equal(ConnectionSet.ALL.subtract(tcp(80)).toString(), 'SCTP 1-65535,TCP 1-79,81-65535,UDP 1-65535');
  assert.equal(ConnectionSet.ALL.intersect(a), a);
  assert.equal(a.intersect(udp(54)).isEmpty(), true);
  assert.equal(a.contains('TCP', 100), true);
  assert.equal(a.contains('TCP', 101), false);
  assert.equal(a.contains('UDP', 53), true);
  // Port numbers outside 1–65535 are clipped away.
  assert.equal(tcp(0, 70000).toString(), 'TCP 1-65535');
  assert.equal(tcp(90, 80).isEmpty(), true);
});

function cidr(text: string): Cidr {
  const parsed = parseCidr(text);
  assert.ok(parsed, text);
  return parsed;
}

test('an ipBlock is its cidr minus its except entries', () => {
  const ranges = blockRanges(cidr('10.0.0.0/8'), [cidr('10.1.0.0/16'), cidr('10.200.0.0/16')]);
  assert.deepEqual(ranges.map(rangeName), [
    '10.0.0.0-10.0.255.255[External]',
    '10.2.0.0-10.199.255.255[External]',
    '10.201.0.0-10.255.255.255[External]',
  ]);
});

test('the address space is cut at every edge of the blocks', () => {
  const blocks = [
    ...blockRanges(cidr('0.0.0.0/0'), [cidr('169.254.169.254/32')]),
    ...blockRanges(cidr('10.0.0.0/8'), []),
  ];
  assert.deepEqual(partition(blocks, [4]).map(rangeName), [
    '0.0.0.0-9.255.255.255[External]',
    '10.0.0.0-10.255.255.255[External]',
    '11.0.0.0-169.254.169.253[External]',
    '169.254.169.254-169.254.169.254[External]',
    '169.254.169.255-255.255.255.255[External]',
  ]);
  assert.deepEqual(partition([], [4]).map(rangeName), ['0.0.0.0-255.255.255.255[External]']);
});

test('IPv6 blocks cut the IPv6 space, printed in RFC 5952 form', () => {
  const blocks = blockRanges(cidr('2001:db8::/32'), [cidr('2001:db8:1::/48')]);
  assert.deepEqual(partition(blocks, [6]).map(rangeName), [
    '::-2001:db7:ffff:ffff:ffff:ffff:ffff:ffff[External]',
    '2001:db8::-2001:db8:0:ffff:ffff:ffff:ffff:ffff[External]',
    '2001:db8:1::-2001:db8:1:ffff:ffff:ffff:ffff:ffff[External]',
    '2001:db8:2::-2001:db8:ffff:ffff:ffff:ffff:ffff:ffff[External]',
    '2001:db9::-ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff[External]',
  ]);
});

test('JSON strings are escaped as Go escapes them; CSV fields with commas are quoted', () => {
  assert.equal(goString('a<b>&"c"\\\n'), '"a\\u003cb\\u003e\\u0026\\"c\\"\\\\\\n"');
  const records = [{ src: 'a/x[Pod]', dst: 'b/y[Pod]', conn: 'TCP 80,UDP 53' }];
  assert.equal(formatCsv(records), 'src,dst,conn\na/x[Pod],b/y[Pod],"TCP 80,UDP 53"\n');
  assert.equal(
    formatMd(records),
    '| src | dst | conn |\n|-----|-----|------|\n| a/x[Pod] | b/y[Pod] | TCP 80,UDP 53 |\n',
  );
});

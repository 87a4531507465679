import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseFeedDate } from './parse-feed-date.js';

const CASES: ReadonlyArray<[input: string, expected: string | undefined]> = [
  ['Thu, 01 Jan 2004 19:48:21 GMT', '2004-01-01T19:48:21.000Z'],
  ['Tue, 10 Jun 2003 04:00:00 +0100', '2003-06-10T03:00:00.000Z'],
  ['Wed, 02 Oct 2002 08:00:00 EST', '2002-10-02T13:00:00.000Z'],
  ['Mon, 2 Jan 2006 15:04 PDT', '2006-01-02T22:04:00.000Z'],
  ['Sun, 19 May 02 15:21:36 GMT', '2002-05-19T15:21:36.000Z'],
  ['Monday, 02-Jan-06 15:04:05 MST', '2006-01-02T22:04:05.000Z'],
  ['2003-12-13T18:30:02Z', '2003-12-13T18:30:02.000Z'],
  ['2003-12-13T18:30:02.25+01:00', '2003-12-13T17:30:02.250Z'],
  ['2003-12-13T18:30:02-0500', '2003-12-13T23:30:02.000Z'],
  ['2003-12-13 18:30:02', '2003-12-13T18:30:02.000Z'],
  ['2003-12-13', '2003-12-13T00:00:00.000Z'],
  ['20031213T183002Z', '2003-12-13T18:30:02.000Z'],
  ['Jan 2, 2006 3:04:05 PM', '2006-01-02T15:04:05.000Z'],
  ['Seg, 24 Set 2018 19:42:40 -0300', '2018-09-24T22:42:40.000Z'],
  ['1 août 2020 10:00:00 +0200', '2020-08-01T08:00:00.000Z'],
  ['Di, 14 Okt 2014 09:00:00 +0200', '2014-10-14T07:00:00.000Z'],
  ['1136214245', '2006-01-02T15:04:05.000Z'],
  ['not a date', undefined],
  ['', undefined],
  ['2003-13-45T99:99:99Z', undefined],
];

describe('parseFeedDate', () => {
  for (const [input, expected] of CASES) {
    it(`${JSON.stringify(input)} → ${expected}`, () =>
      assert.equal(parseFeedDate(input), expected));
  }

  it('refuses dates far in the future', () => {
    assert.equal(parseFeedDate('2999-01-01T00:00:00Z'), undefined);
  });
});

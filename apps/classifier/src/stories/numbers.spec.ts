import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { distinctiveNumbers } from './numbers.js';

describe('distinctiveNumbers', () => {
  it('keeps figures of two or more digits, once each, decimals with a dot', () => {
    assert.deepEqual(
      distinctiveNumbers('Article 247 of the constitution; 47 points; 247 again; 3,5 %'),
      ['247', '47', '3.5'],
    );
  });

  it('leaves out single digits, years, round numbers and whole numbers below 32', () => {
    assert.deepEqual(
      distinctiveNumbers('In 2026 and 1999, 7 of 10 voters, 100 seats, 500 km, 310 km'),
      ['310'],
    );
    assert.deepEqual(distinctiveNumbers('On 14 November, 31 people and 05 teams; 32 seats; 2.5'), [
      '32',
      '2.5',
    ]);
  });

  it('reads Arabic-Indic, Persian, Devanagari, Bengali, Thai and full-width digits as the same figure', () => {
    for (const text of ['٢٤٧', '۲۴۷', '२४७', '২৪৭', '๒๔๗', '２４７']) {
      assert.deepEqual(distinctiveNumbers(`… ${text} …`), ['247'], text);
    }
    assert.deepEqual(distinctiveNumbers('٧٨٬٢٩٧'), distinctiveNumbers('78,297'));
    // Thousands grouped with a no-break, narrow no-break or thin space: one figure.
    for (const grouped of ['78\u00a0297', '78\u202f297', '78\u2009297', '78.297', '78,297']) {
      assert.deepEqual(distinctiveNumbers(`${grouped} spectateurs`), ['78297'], grouped);
    }
    assert.deepEqual(distinctiveNumbers('1\u00a0234\u00a0567'), ['1234567']);
    // An ordinary space still separates two figures.
    assert.deepEqual(distinctiveNumbers('78 297'), ['78', '297']);
  });

  it('reads grouped thousands as the same figure as ungrouped ones, whatever the separator', () => {
    for (const text of ['2.250', '2,250', '2250', '2\u00a0250']) {
      assert.deepEqual(distinctiveNumbers(`${text} drivers`), ['2250'], text);
    }
    assert.deepEqual(distinctiveNumbers('1.234,56 and 1,234.56'), ['1234.56']);
    // Decimals are not thousands: fewer than three digits after the separator, or a leading 0.
    assert.deepEqual(distinctiveNumbers('12.8 and 6.34 and 0.125 and 12.3456'), [
      '12.8',
      '6.34',
      '0.125',
      '12.3456',
    ]);
  });

  it('stops at twenty figures and survives text without any', () => {
    const many = Array.from({ length: 50 }, (_, i) => String(11 + i)).join(' ');
    assert.equal(distinctiveNumbers(many).length, 20);
    assert.deepEqual(distinctiveNumbers(''), []);
    assert.deepEqual(distinctiveNumbers('no figures here'), []);
  });
});

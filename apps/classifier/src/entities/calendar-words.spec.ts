import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { isCalendarWord } from './calendar-words.js';

describe('isCalendarWord', () => {
  it('knows weekday and month names in many languages and in their dated forms', () => {
    for (const word of [
      'Sunday',
      'October',
      'Jumatatu',
      'Oktober',
      'октября',
      'Octobre',
      'Mayıs',
    ]) {
      assert.ok(isCalendarWord(word), word);
    }
  });

  it('leaves names and other words alone', () => {
    for (const word of ['Tokayev', 'Almaty', 'Reuters', 'Theresa', 'Olympic']) {
      assert.ok(!isCalendarWord(word), word);
    }
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { EntityRecognizer } from './entities.js';

describe('EntityRecognizer candidate names', () => {
  const entities = EntityRecognizer.load();
  const names = (text: string, language = 'en') =>
    entities.recognize(text, language).map((e) => e.name);

  it('takes a line, an ellipsis or a quote for the start of a sentence', () => {
    const found = names(
      'A train hit a truck near Charlottesville\nTwo crew members were hurt. Fans cheered… Continue reading. He said: “Nearly everyone left.”',
    );
    assert.deepEqual(found, ['Charlottesville']);
  });

  it('never joins the words of two lines into one name', () => {
    assert.deepEqual(
      names('Carles Puigdemont spoke to Toni Comín\nCatalan leaders met in Leuven').sort(),
      ['Carles Puigdemont', 'Leuven', 'Toni Comín'],
    );
  });

  it('leaves out titles before a name, and keeps the surname after one', () => {
    assert.deepEqual(names('The agency said Dr Brenda Fitzgerald resigned.'), [
      'Brenda Fitzgerald',
    ]);
    assert.deepEqual(names('Talks with President Macron ended.'), ['Macron']);
  });

  it('ends a name at a possessive', () => {
    assert.deepEqual(names('Critics read the TJN’s Financial Secrecy Index closely.').sort(), [
      'Financial Secrecy Index',
      'TJN',
    ]);
    assert.deepEqual(names("Observers heard Puigdemont's Catalan doubts."), ['Puigdemont']);
  });

  it('drops an ordinary first word of a sentence, or a weekday, before a single word', () => {
    assert.deepEqual(names('While Republicans cheered, others left while it rained.'), []);
    assert.deepEqual(names('Police said on Wednesday Former players had met.'), []);
    assert.deepEqual(names('White House aides met. The aides of the White House left.'), [
      'White House',
    ]);
    assert.deepEqual(names('Reporters asked April Ryan a question.'), ['April Ryan']);
  });
});

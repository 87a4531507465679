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
    assert.deepEqual(names('Talks ended. President Macron said they would resume.'), ['Macron']);
    assert.deepEqual(names('Prime Minister Modi spoke first.'), ['Modi']);
    assert.deepEqual(names('Talks ended. President said nothing.'), []);
    // General starts companies' names as often as it stands before a general's.
    assert.deepEqual(names('Shares of General Motors fell.'), ['General Motors']);
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

  it('knows the people and organisations that matter most in many scripts', () => {
    const canonical = (text: string, language: string) =>
      entities
        .recognize(text, language)
        .flatMap((e) => (e.canonical ? [e.canonical] : []))
        .sort();
    assert.deepEqual(canonical('פוטין נפגש עם מזכ"ל נאט"ו ודיבר לטראמפ.', 'he'), [
      'Donald Trump',
      'NATO',
      'Vladimir Putin',
    ]);
    assert.deepEqual(canonical('मोदी ने संयुक्त राष्ट्र में भाषण दिया।', 'hi'), [
      'Narendra Modi',
      'United Nations',
    ]);
    assert.deepEqual(canonical('Ο Μακρόν συνάντησε τον Ζελένσκι στον ΟΗΕ.', 'el'), [
      'Emmanuel Macron',
      'United Nations',
      'Volodymyr Zelensky',
    ]);
    assert.deepEqual(canonical('ტრამპმა და პუტინმა ისაუბრეს.', 'ka'), [
      'Donald Trump',
      'Vladimir Putin',
    ]);
    assert.deepEqual(canonical('وقال مسؤول لبوتين إن صندوق النقد الدولي قلق.', 'ar'), [
      'International Monetary Fund',
      'Vladimir Putin',
    ]);
  });
});

import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { sectionName, SectionNames } from './sections.js';

describe('SectionNames', () => {
  const sections = SectionNames.load();

  it('names the subject of a section in many languages, whatever its case and spacing', () => {
    assert.deepEqual(sections.subjects(['Sport']), ['15000000']);
    assert.deepEqual(sections.subjects(['  WIRTSCHAFT ']), ['04000000']);
    assert.deepEqual(sections.subjects(['Politique']), ['11000000']);
    assert.deepEqual(sections.subjects(['Наука']), ['13000000']);
    assert.deepEqual(sections.subjects(['Science & Technology']), ['13000000']);
    assert.deepEqual(sections.subjects(['Météo']), ['17000000']);
    assert.deepEqual(sections.subjects(['スポーツ', '经济', 'IT/과학', 'سياسة', 'मौसम']), [
      '15000000',
      '04000000',
      '13000000',
      '11000000',
      '17000000',
    ]);
  });

  it('reads paths and lists of sections, each subject once', () => {
    assert.deepEqual(sections.subjects(['News/Sport/Football', 'Sports']), ['15000000']);
    assert.deepEqual(sections.subjects(['Business | Markets', 'Health']), ['04000000', '07000000']);
    assert.deepEqual(sections.subjects(['Nachrichten › Politik']), ['11000000']);
  });

  it('names nothing for tags, people, places and general sections', () => {
    assert.deepEqual(sections.subjects(['News', 'Top stories', 'Donald Trump', 'Kazakhstan']), []);
    assert.deepEqual(sections.subjects([]), []);
    assert.deepEqual(sections.subjects([42 as unknown as string, '']), []);
  });

  it('holds every name under one subject only', () => {
    const table = SectionNames.from({ '15000000': ['Sport'], '04000000': ['Business'] });
    assert.deepEqual(table.subjects(['sport', 'BUSINESS']), ['15000000', '04000000']);
    assert.equal(sectionName(' Arts & Culture! '), 'arts and culture');
  });
});

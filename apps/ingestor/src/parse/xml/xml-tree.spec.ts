import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { childNamed, textContent, valueOf } from './xml-query.js';
import { readXml, type XmlElement } from './xml-tree.js';

function root(xml: string): XmlElement {
  const found = readXml(xml).children.find((child) => typeof child !== 'string');
  assert.ok(found && typeof found !== 'string');
  return found;
}

describe('readXml', () => {
  it('never expands external entities (XXE)', () => {
    const doc = root(
      '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><rss><title>&xxe;</title></rss>',
    );
    assert.equal(valueOf(childNamed(doc, '', 'title')!), '&xxe;');
  });

  it('never expands internal entities, so a billion-laughs document stays small', () => {
    const lol =
      '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">';
    const doc = root(
      `<!DOCTYPE rss [${lol}<!ENTITY lol3 "&lol2;&lol2;&lol2;">]><rss><t>&lol3;</t></rss>`,
    );
    assert.equal(valueOf(childNamed(doc, '', 't')!), '&lol3;');
  });

  it('keeps a bare ampersand and still decodes later entities', () => {
    const doc = root('<rss><title>Fish & Chips &amp; more &lt;3 &eacute;</title></rss>');
    assert.equal(valueOf(childNamed(doc, '', 'title')!), 'Fish & Chips & more <3 é');
  });

  it('closes mis-nested elements at the nearest matching closer', () => {
    const doc = root(
      '<rss><item><title>a<b>bold</title><link>x</link></item><item><title>b</title></item></rss>',
    );
    const items = doc.children.filter((child) => typeof child !== 'string');
    assert.equal(items.length, 2);
    assert.equal(textContent(childNamed(items[0]!, '', 'link')!), 'x');
  });

  it('ignores stray closing tags and closes what is left open at the end', () => {
    const doc = root('<rss></oops><item><title>t</title>');
    const item = childNamed(doc, '', 'item')!;
    assert.equal(textContent(childNamed(item, '', 'title')!), 't');
  });

  it('resolves namespaces, including undeclared conventional prefixes', () => {
    const doc = root(
      '<rss xmlns:c="http://purl.org/rss/1.0/modules/content/"><c:encoded>a</c:encoded><content:encoded>b</content:encoded></rss>',
    );
    assert.equal(textContent(childNamed(doc, 'content', 'encoded')!), 'a');
  });

  it('inherits xml:base, resolving each against its parent', () => {
    const doc = root(
      '<feed xml:base="http://example.org/a/"><entry xml:base="b/"><x/></entry></feed>',
    );
    const entry = childNamed(doc, '', 'entry')!;
    assert.equal(entry.base, 'http://example.org/a/b/');
  });

  it('reads CDATA verbatim', () => {
    const doc = root('<rss><d><![CDATA[<p>a &amp; b</p>]]></d></rss>');
    assert.equal(valueOf(childNamed(doc, '', 'd')!), '<p>a &amp; b</p>');
  });

  it('survives very deep nesting without recursion limits', () => {
    const depth = 5000;
    const doc = root(`<rss>${'<a>'.repeat(depth)}x${'</a>'.repeat(depth)}</rss>`);
    assert.ok(textContent(doc).includes('x'));
  });
  it('closes an unclosed item when the next one starts, but not for a self-closed <item/>', () => {
    const doc = root(
      '<channel><item><title>a</title><item><title>b</title></item><item><x/><item/>c</item></channel>',
    );
    const items = doc.children.filter((child) => typeof child !== 'string');
    assert.deepEqual(
      items.map((item) => textContent(item)),
      ['a', 'b', 'c'],
    );
  });

  it('lets a closing tag in another case close the open element when nothing matches exactly', () => {
    const doc = root('<rss><Title>t</title><link>l</link></rss>');
    assert.equal(textContent(childNamed(doc, '', 'title')!), 't');
    assert.equal(textContent(childNamed(doc, '', 'link')!), 'l');
  });

  it('interns names across documents without mixing up their namespaces', () => {
    const first = root('<feed xmlns="http://www.w3.org/2005/Atom"><title>a</title></feed>');
    const second = root('<feed><title>b</title></feed>');
    assert.equal(childNamed(first, 'atom', 'title')?.nsKey, 'atom');
    assert.equal(childNamed(second, '', 'title')?.nsKey, '');
    assert.equal(childNamed(second, 'atom', 'title'), undefined);
  });
});

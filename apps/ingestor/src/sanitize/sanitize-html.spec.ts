import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { htmlToText } from './html-to-text.js';
import { sanitizeHtml } from './sanitize-html.js';

const BASE = 'https://example.org/posts/1';

/** Attack strings from the OWASP XSS filter evasion cheat sheet and sanitizer bug reports. */
const ATTACKS = [
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '<a href="javascript:alert(1)">x</a>',
  '<a href=" JaVaScRiPt:alert(1)">x</a>',
  '<a href="java&#x09;script:alert(1)">x</a>',
  '<a href="&#106;avascript:alert(1)">x</a>',
  '<a href="vbscript:msgbox(1)">x</a>',
  '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
  '<svg onload=alert(1)><script>alert(1)</script></svg>',
  '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
  '<iframe src="javascript:alert(1)"></iframe>',
  '<iframe src="https://evil.example/"></iframe>',
  '<object data="x.swf"></object><embed src="x.swf">',
  '<div style="background:url(javascript:alert(1))">x</div>',
  '<form action="https://evil.example"><input name=a></form>',
  '<scr<script>ipt>alert(1)</script>',
  '<body onload=alert(1)>',
  '<img srcset="javascript:alert(1) 1x">',
  '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
  '<base href="javascript:alert(1)//">',
  '<<script>script>alert(1)//<</script>/script>',
];

describe('sanitizeHtml', () => {
  for (const attack of ATTACKS) {
    it(`neutralises ${attack.slice(0, 60)}`, () => {
      const safe = sanitizeHtml(attack, BASE);
      assert.doesNotMatch(safe, /<script|<svg|<math|<object|<embed|<form|<style|<meta|<base/i);
      assert.doesNotMatch(safe, /\son\w+\s*=/i);
      assert.doesNotMatch(safe, /(?:javascript|vbscript|data):/i);
      assert.doesNotMatch(safe, /style=/i);
      assert.doesNotMatch(safe, /evil\.example/);
    });
  }

  it('keeps ordinary formatting and makes relative URLs absolute', () => {
    const safe = sanitizeHtml(
      '<p>Hi <a href="../2">next</a> <img src="pic.png" alt="a"></p>',
      BASE,
    );
    assert.equal(
      safe,
      '<p>Hi <a href="https://example.org/2" rel="noopener noreferrer nofollow" target="_blank">next</a> <img src="https://example.org/posts/pic.png" alt="a" loading="lazy"></p>',
    );
  });

  it('keeps trusted video players, sandboxed', () => {
    const safe = sanitizeHtml(
      '<iframe src="https://www.youtube.com/embed/abc" onload="x()"></iframe>',
    );
    assert.match(safe, /^<iframe src="https:\/\/www\.youtube\.com\/embed\/abc" sandbox="[^"]+"/);
    assert.doesNotMatch(safe, /onload/);
  });

  it('drops tracking pixels', () => {
    assert.equal(sanitizeHtml('<img src="https://t.example/p.gif" width="1" height="1">'), '');
  });

  it('escapes text so decoded entities cannot become markup', () => {
    assert.equal(
      sanitizeHtml('&lt;script&gt;alert(1)&lt;/script&gt;'),
      '&lt;script&gt;alert(1)&lt;/script&gt;',
    );
  });

  it('balances unclosed tags', () => {
    assert.equal(sanitizeHtml('<b>bold <i>both'), '<b>bold <i>both</i></b>');
  });
});

describe('htmlToText', () => {
  it('keeps paragraphs as lines, decodes entities, drops scripts and styles', () => {
    const text = htmlToText(
      '<p>First&nbsp;para &amp; more</p><script>x()</script><style>p{}</style><p>Second<br>line</p>',
    );
    assert.equal(text, 'First para & more\nSecond\nline');
  });

  it('returns plain text unchanged apart from whitespace', () => {
    assert.equal(htmlToText('  just   text  '), 'just text');
  });
});

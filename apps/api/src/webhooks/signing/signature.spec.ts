import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { signWebhook, verifyWebhook } from './signature.js';

const secret = 'whsec_test_0123456789';
const body = JSON.stringify({ type: 'article.published', id: 'a1', title: 'Élections' });
const t = 1_764_216_000;

describe('signWebhook', () => {
  it('produces t=<unix>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const expected = createHmac('sha256', secret).update(`${t}.${body}`).digest('hex');
    assert.equal(signWebhook(secret, body, t), `t=${t},v1=${expected}`);
  });

  it('signs bytes and strings identically, and lists one v1 per secret', () => {
    assert.equal(signWebhook(secret, Buffer.from(body), t), signWebhook(secret, body, t));
    assert.equal(signWebhook([secret, 'new-secret'], body, t).split(',v1=').length, 3);
  });

  it('refuses an empty secret or a bad timestamp', () => {
    assert.throws(() => signWebhook('', body, t), /secret is empty/);
    assert.throws(() => signWebhook(secret, body, 1.5), /unix seconds/);
  });
});

describe('verifyWebhook', () => {
  const header = signWebhook(secret, body, t);

  it('accepts a fresh, untouched delivery', () => {
    assert.deepEqual(verifyWebhook(secret, header, body, { nowSeconds: t + 10 }), {
      ok: true,
      timestamp: t,
    });
  });

  it('rejects a changed body, a wrong secret, or a changed timestamp', () => {
    const now = { nowSeconds: t };
    assert.equal(verifyWebhook(secret, header, body.replace('a1', 'a2'), now).ok, false);
    assert.deepEqual(verifyWebhook('other', header, body, now), {
      ok: false,
      reason: 'no_matching_signature',
    });
    const shifted = header.replace(`t=${t}`, `t=${t + 1}`);
    assert.deepEqual(verifyWebhook(secret, shifted, body, { nowSeconds: t }), {
      ok: false,
      reason: 'no_matching_signature',
    });
  });

  it('rejects replays outside the tolerance window, either side', () => {
    assert.deepEqual(verifyWebhook(secret, header, body, { nowSeconds: t + 301 }), {
      ok: false,
      reason: 'timestamp_out_of_tolerance',
    });
    assert.equal(verifyWebhook(secret, header, body, { nowSeconds: t - 301 }).ok, false);
    assert.equal(
      verifyWebhook(secret, header, body, { nowSeconds: t + 600, toleranceSeconds: 600 }).ok,
      true,
    );
  });

  it('rejects malformed headers', () => {
    for (const bad of [
      undefined,
      '',
      'garbage',
      `t=${t}`,
      `v1=${'a'.repeat(64)}`,
      `t=abc,v1=${'a'.repeat(64)}`,
    ]) {
      assert.deepEqual(verifyWebhook(secret, bad, body, { nowSeconds: t }), {
        ok: false,
        reason: 'malformed_header',
      });
    }
  });

  it('supports secret rotation on both sides and ignores unknown schemes', () => {
    const rotating = signWebhook(['old-secret', secret], body, t);
    assert.equal(verifyWebhook(secret, rotating, body, { nowSeconds: t }).ok, true);
    assert.equal(verifyWebhook(['new', 'old-secret'], rotating, body, { nowSeconds: t }).ok, true);
    assert.equal(verifyWebhook(secret, `v0=abc,${header},v2=zz`, body, { nowSeconds: t }).ok, true);
  });
});

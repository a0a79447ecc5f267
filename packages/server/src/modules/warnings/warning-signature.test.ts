import { createHash, createPublicKey } from 'node:crypto';
import { sm2, sm3 } from 'sm-crypto';
import { describe, expect, it } from 'vitest';
import { createWarningSigner, verifyWarningSignature } from './warning-signature.ts';

/**
 * Cross-checks the SM2 signatures (Node's OpenSSL 3) and SM3 digests against an independent
 * implementation, sm-crypto: each side verifies what the other signed. Node cannot set the SM2
 * distinguishing id, and OpenSSL 3.0 then hashes an empty one into Z (not GM/T 0009's default
 * 1234567812345678): a verifier must be told the id is empty, as docs/warnings.md says.
 */
const distinguishingId = { der: true, hash: true, userId: '' };
const cap =
  '<?xml version="1.0" encoding="UTF-8"?><alert xmlns="urn:oasis:names:tc:emergency:cap:1.2"><identifier>53040000000000_20261206090000_1</identifier><headline>江川区液氯泄漏橙色预警</headline></alert>';

/** The uncompressed point 04‖x‖y of an SPKI key: the last 65 bytes of its DER. */
function publicKeyHex(pem: string): string {
  const der = createPublicKey(pem).export({ type: 'spki', format: 'der' });
  return der.subarray(der.length - 65).toString('hex');
}

describe('SM2 signatures against sm-crypto', () => {
  it('sm-crypto verifies what the server signed, and refuses a tampered message', () => {
    const signer = createWarningSigner(null);
    const signature = signer.sign(cap);
    const signatureHex = Buffer.from(signature, 'base64').toString('hex');
    const key = publicKeyHex(signer.publicKeyPem);
    expect(key).toMatch(/^04[0-9a-f]{128}$/);
    expect(sm2.doVerifySignature(cap, signatureHex, key, distinguishingId)).toBe(true);
    expect(sm2.doVerifySignature(cap.replace('橙色', '黄色'), signatureHex, key, distinguishingId)).toBe(
      false,
    );
    // With the GM/T 0009 default id the check fails: the id is part of what is signed.
    expect(sm2.doVerifySignature(cap, signatureHex, key, { der: true, hash: true })).toBe(false);
  });

  it('the server verifies what sm-crypto signed, and refuses a tampered message', () => {
    const pair = sm2.generateKeyPairHex();
    const signatureHex = sm2.doSignature(cap, pair.privateKey, {
      ...distinguishingId,
      publicKey: pair.publicKey,
    });
    // An SM2 SPKI differs from another only in its point: reuse the server key's DER prefix.
    const template = createPublicKey(createWarningSigner(null).publicKeyPem).export({
      type: 'spki',
      format: 'der',
    });
    const spki = Buffer.concat([
      template.subarray(0, template.length - 65),
      Buffer.from(pair.publicKey, 'hex'),
    ]);
    const pem = createPublicKey({ key: spki, format: 'der', type: 'spki' })
      .export({ type: 'spki', format: 'pem' })
      .toString();
    const signature = Buffer.from(signatureHex, 'hex').toString('base64');
    expect(verifyWarningSignature(cap, signature, pem)).toBe(true);
    expect(verifyWarningSignature(`${cap} `, signature, pem)).toBe(false);
  });

  it('SM3 digests agree', () => {
    expect(createHash('sm3').update(cap, 'utf8').digest('hex')).toBe(sm3(cap));
  });
});

import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

/**
 * SM2 (GB/T 32918) signatures of released versions, through Node's OpenSSL 3 (SM3 digest, OpenSSL's
 * default distinguishing id). Each version stores its signature (DER, base64) and the public key
 * (SPKI PEM), so it can be checked after a key change. A key freshly generated on the SM2 curve is
 * an "EC" key to OpenSSL and would sign ECDSA; read back from PKCS#8 it is an SM2 key and signs SM2.
 */
export interface WarningSigner {
  readonly publicKeyPem: string;
  sign(capXml: string): string;
}

export function createWarningSigner(privateKeyPem: string | null): WarningSigner {
  const pem =
    privateKeyPem ??
    generateKeyPairSync('ec', { namedCurve: 'SM2' })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
  const privateKey: KeyObject = createPrivateKey(pem);
  const publicKeyPem = createPublicKey(privateKey).export({ type: 'spki', format: 'pem' }).toString();
  return {
    publicKeyPem,
    sign: (capXml) => sign(null, Buffer.from(capXml, 'utf8'), privateKey).toString('base64'),
  };
}

/** True when `signature` is the SM2 signature of `capXml` by the holder of `publicKeyPem`. */
export function verifyWarningSignature(capXml: string, signature: string, publicKeyPem: string): boolean {
  return verify(
    null,
    Buffer.from(capXml, 'utf8'),
    createPublicKey(publicKeyPem),
    Buffer.from(signature, 'base64'),
  );
}

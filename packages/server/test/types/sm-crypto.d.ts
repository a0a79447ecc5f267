/** The part of sm-crypto (no types of its own) the SM2 cross-check uses. */
declare module 'sm-crypto' {
  interface Sm2Options {
    der?: boolean;
    hash?: boolean;
    publicKey?: string;
    userId?: string;
  }
  export const sm2: {
    generateKeyPairHex(): { privateKey: string; publicKey: string };
    doSignature(message: string, privateKeyHex: string, options?: Sm2Options): string;
    doVerifySignature(
      message: string,
      signatureHex: string,
      publicKeyHex: string,
      options?: Sm2Options,
    ): boolean;
  };
  export const sm3: (message: string) => string;
}

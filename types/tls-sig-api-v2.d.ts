/** Minimal declaration for Tencent's official UserSig generator (npm `tls-sig-api-v2`, which ships no types). */
declare module "tls-sig-api-v2" {
  export class Api {
    constructor(sdkappid: number, key: string);
    /** Returns a UserSig valid for `expire` seconds from now (HMAC-SHA256, zlib, Tencent's base64url). */
    genUserSig(userid: string, expire: number): string;
    genSig(userid: string, expire: number, userBuf?: Buffer | null): string;
  }
}

/**
 * Regional REST domains of Tencent Cloud Chat (import_group page; tencent-chat-rest-api.md §0). An SDKAppID lives in
 * one region; calling another region's domain fails with 70016/70020.
 */

/** Region names accepted by `tencent-chat:region`, mapped to their documented domains. */
export const REGIONS = {
  china: "console.tim.qq.com",
  singapore: "adminapisgp.im.qcloud.com",
  seoul: "adminapikr.im.qcloud.com",
  frankfurt: "adminapiger.im.qcloud.com",
  "silicon-valley": "adminapiusa.im.qcloud.com",
  jakarta: "adminapiidn.im.qcloud.com",
  tokyo: "adminapijpn.im.qcloud.com",
  mumbai: "adminapiind.im.qcloud.com",
} as const;

/** A region name. */
export type Region = keyof typeof REGIONS;

/** Every region name. */
export const REGION_NAMES = Object.keys(REGIONS) as Region[];

/** Whether a string names a region. */
export function isRegion(value: string): value is Region {
  return Object.prototype.hasOwnProperty.call(REGIONS, value);
}

/** The `https://<domain>` base URL of a region. */
export function regionBaseUrl(region: Region): string {
  return `https://${REGIONS[region]}`;
}

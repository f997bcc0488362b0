/**
 * Regional REST domains of Tencent Cloud Chat, as the current API pages list them (e.g. account_import,
 * https://trtc.io/zh/document/34953 ; add_group_member with Riyadh, https://trtc.io/zh/document/34921 ; Mumbai on
 * https://www.tencentcloud.com/jp/document/product/1047/34961). An SDKAppID lives in one region; calling another
 * region's domain fails with 70016/70020.
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
  riyadh: "adminapiksa.im.qcloud.com",
} as const;

/** A region name. */
export type Region = keyof typeof REGIONS;

/** Every region name. */
export const REGION_NAMES = Object.keys(REGIONS) as Region[];

/** Whether a string names a region. */
export function isRegion(value: string): value is Region {
  return Object.prototype.hasOwnProperty.call(REGIONS, value);
}

/**
 * Backup domains ("备域名") for when a regional domain does not resolve (DNS trouble); use one through the endpoint
 * setting, e.g. `https://adminapisgp.my-imcloud.com`. Single public source: the doocs/qcloud-im-server-sdk-java SDK's
 * `constant/Domain.java`; regions not listed there have no known backup domain.
 */
export const BACKUP_DOMAINS: Readonly<Partial<Record<Region, string>>> = {
  china: "adminapi.my-imcloud.com",
  singapore: "adminapisgp.my-imcloud.com",
  seoul: "adminapikr.my-imcloud.com",
  frankfurt: "adminapiger.my-imcloud.com",
  "silicon-valley": "adminapiusa.my-imcloud.com",
  mumbai: "adminapiind.my-imcloud.com",
};

/** The `https://<domain>` base URL of a region. */
export function regionBaseUrl(region: Region): string {
  return `https://${REGIONS[region]}`;
}

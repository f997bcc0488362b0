/**
 * The package's package.json declares "main" twice; jest's resolver fails on it while Node picks the last one.
 * Importing the file path directly works in both, so the client imports this path; its types are the package's.
 */
declare module "tls-sig-api-v2/TLSSigAPIv2.js" {
  export { Api } from "tls-sig-api-v2";
}

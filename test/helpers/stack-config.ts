/**
 * Stack config for provider unit tests that need no API: `isolateConfig()` gives each test an empty environment
 * and no stored config; `configureStack(apps?)` stores a top-level app (SDKAppID 1) plus optional profiles.
 */
import { resetStoredConfig, storeConfig } from "../../provider/config";

const TOP = { "tencent-chat:sdkAppId": "1", "tencent-chat:secretKey": "k1", "tencent-chat:endpoint": "http://h:1" };

/** Store the top-level app (with `overrides` on its keys) and, when given, `tencent-chat:apps` profiles. */
export function configureStack(apps?: unknown, overrides: Record<string, unknown> = {}): void {
  const config = new Map<string, unknown>(Object.entries({ ...TOP, ...overrides }));
  if (apps !== undefined) config.set("tencent-chat:apps", JSON.stringify(apps));
  storeConfig({ get: (k) => config.get(k) });
}

/** Registers hooks: every test starts with an empty `process.env`, and stored config is dropped after it. */
export function isolateConfig(): void {
  const saved = process.env;
  beforeEach(() => {
    process.env = {};
  });
  afterEach(() => {
    process.env = saved;
    resetStoredConfig();
  });
}

/**
 * The installed bin, as a user runs it: `tencent-chat-emulator --port 0 …` prints its URL first, answers the request
 * bodies printed on the import_group page (signed with Tencent's tls-sig-api-v2) with the documented results, and
 * stops on SIGTERM. (The in-process CLI cases are in cli.test.ts.)
 */
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import { request } from "undici";

// jest reads the first of the package's two "main" fields, which names a missing file: load the file itself.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- see above: an import would resolve the missing file
const { Api } = require("tls-sig-api-v2/TLSSigAPIv2.js") as typeof import("tls-sig-api-v2");

const BIN = path.join(__dirname, "..", "..", "..", "dist", "emulator", "cli.js");
const APP = 1400000001;
const KEY = "bin-test-key";
let child: ChildProcess;
let url: string;

beforeAll(async () => {
  child = spawn(process.execPath, [BIN, "--port", "0", "--sdk-app-id", String(APP), "--admin", "admin"], {
    env: { ...process.env, TENCENT_CHAT_SECRET_KEY: KEY },
    stdio: ["ignore", "pipe", "pipe"],
  });
  url = await new Promise<string>((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      const first = out.split("\n")[0]!;
      if (out.includes("\n")) {
        const m = /^listening on (http:\/\/127\.0\.0\.1:\d+)$/.exec(first);
        if (m) resolve(m[1]!);
        else reject(new Error(`first line was ${JSON.stringify(first)}`));
      }
    });
    child.once("exit", (code) => reject(new Error(`exited ${code}`)));
  });
});
afterAll(() => {
  if (child.exitCode === null) child.kill("SIGKILL");
});

async function call(command: string, body: unknown, service = "group_open_http_svc"): Promise<Record<string, unknown>> {
  const sig = new Api(APP, KEY).genUserSig("admin", 3600);
  const q = new URLSearchParams({
    sdkappid: String(APP),
    identifier: "admin",
    usersig: sig,
    random: "99999999",
    contenttype: "json",
  });
  const res = await request(`${url}/v4/${service}/${command}?${q}`, { method: "POST", body: JSON.stringify(body) });
  expect(res.statusCode).toBe(200);
  return (await res.body.json()) as Record<string, unknown>;
}

test.each([
  [{ Owner_Account: "leckie", Type: "Public", Name: "TestGroup", CreateTime: 1448357837 }, /^@TGS#/],
  [{ Type: "Community", Name: "test_import_group", SupportTopic: 1 }, /^@TGS#_/],
  [
    {
      Owner_Account: "leckie",
      Type: "Public",
      GroupId: "MyFirstGroup",
      Name: "TestGroup",
      Introduction: "This is group Introduction",
      Notification: "This is group Notification",
      FaceUrl: "http://this.is.face.url",
      MaxMemberCount: 500,
      ApplyJoinOption: "FreeAccess",
      CreateTime: 1448357837,
      AppDefinedData: [
        { Key: "GroupTestData1", Value: "xxxxx" },
        { Key: "GroupTestData2", Value: "abc\u0000\u0001" },
      ],
    },
    /^MyFirstGroup$/,
  ],
])("import_group page body %#", async (body, id) => {
  // The sample owner must be an imported account (the emulator's documented default).
  if ("Owner_Account" in body)
    expect(await call("account_import", { UserID: body.Owner_Account }, "im_open_login_svc")).toMatchObject({
      ErrorCode: 0,
    });
  const answer = await call("import_group", body);
  expect(answer).toMatchObject({ ActionStatus: "OK", ErrorCode: 0, ErrorInfo: "" });
  expect(answer.GroupId).toMatch(id);
  const info = await call("get_group_info", { GroupIdList: [answer.GroupId] });
  const [entry] = info.GroupInfo as Record<string, unknown>[];
  expect(entry).toMatchObject({ ErrorCode: 0, Name: body.Name, Type: body.Type });
  if ("CreateTime" in body) expect(entry!.CreateTime).toBe(body.CreateTime);
});

test("an id in use answers 10021 in a FAIL envelope, and SIGTERM stops the server", async () => {
  const again = await call("import_group", { Type: "Public", Name: "x", GroupId: "MyFirstGroup" });
  expect(again).toMatchObject({ ActionStatus: "FAIL", ErrorCode: 10021 });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  child.kill("SIGTERM");
  expect(await exited).toBe(0);
});

/**
 * DECISIONS.md D50: whatever the service does with ApplyJoinOption on Work (Private) and Meeting (ChatRoom) groups —
 * fixed and refusing other values, fixed and ignoring them, or settable — no program produces a perpetual diff or
 * an update that fails every run. The real lifecycle against the emulator in each of its three modes.
 */
import { startEmulator, type EmulatorBehaviour, type RunningEmulator } from "../../../emulator";
import { ChatClient } from "../../../provider/client/client";
import { check } from "../../../provider/resource/check";
import { diff } from "../../../provider/resource/diff";
import { createGroup, readGroup, updateGroup } from "../../../provider/resource/lifecycle";

const MODES: EmulatorBehaviour["joinOptionRules"][] = ["fixed", "fixed-ignore", "settable"];

describe.each(MODES)("joinOptionRules %s", (mode) => {
  let emu: RunningEmulator;
  let client: ChatClient;
  beforeAll(async () => {
    emu = await startEmulator({ sdkAppId: 1400066001, secretKey: "join-key", behaviour: { joinOptionRules: mode } });
    client = new ChatClient({
      sdkAppId: 1400066001,
      identifier: "administrator",
      secretKey: "join-key",
      endpoint: emu.url,
      retry: 0,
      rateLimit: false,
    });
  });
  afterAll(async () => {
    await client?.close();
    await emu?.close();
  });

  test.each([
    ["Work, nothing declared", { type: "Work", name: "w", groupId: `w-${mode}` }],
    [
      "Work, the fixed value declared",
      { type: "Work", name: "w2", groupId: `w2-${mode}`, applyJoinOption: "DisableApply" },
    ],
    ["Meeting, nothing declared", { type: "Meeting", name: "m", groupId: `m-${mode}` }],
    [
      "Meeting, the fixed value declared",
      { type: "Meeting", name: "m2", groupId: `m2-${mode}`, applyJoinOption: "FreeAccess" },
    ],
    ["Public, a chosen value", { type: "Public", name: "p", groupId: `p-${mode}`, applyJoinOption: "DisableApply" }],
  ])("%s: create, refresh and a later update never diff on the join option", async (_l, program) => {
    const checked = check({}, program);
    expect(checked.failures).toEqual([]);
    const { id, outs } = await createGroup(client, checked.inputs);
    expect(diff(outs, checked.inputs).changes).toBe(false);
    const read = await readGroup(client, id, outs);
    expect(diff(read.props, checked.inputs).changes).toBe(false);
    // An unrelated update succeeds and still leaves nothing to do.
    const renamed = check({}, { ...program, name: `${program.name}!` }).inputs;
    const { outs: after } = await updateGroup(client, id, read.props, renamed);
    expect(diff(after, renamed).changes).toBe(false);
    expect(diff((await readGroup(client, id, after)).props, renamed).changes).toBe(false);
  });

  test("check refuses a Work group's NeedPermission before any request", () => {
    expect(check({}, { type: "Work", name: "w", applyJoinOption: "NeedPermission" }).failures).toEqual([
      expect.objectContaining({ property: "applyJoinOption" }),
    ]);
  });
});

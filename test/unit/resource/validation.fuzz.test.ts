/**
 * Fuzzed validation (issue 5), seeded. `npm test` runs 300 cases per check property and 100 creates against a real
 * emulator; `FUZZ_RUNS=10000` (npm run test:fuzz) runs 10,000 per check property and 1,000 creates.
 * Replay a failure with FUZZ_SEED=<seed> and the path fast-check prints.
 */
import fc from "fast-check";
import { ChatClient } from "../../../provider/client/client";
import { check } from "../../../provider/resource/check";
import { startEmulator, type RunningEmulator } from "../../../emulator";
import {
  assertAccepted,
  assertAgreesWithOracle,
  assertCreatedAsDeclared,
  assertCustomFieldsUpdated,
  assertModifySendsTheChange,
  assertPreviewAccepted,
  customFieldChange,
  assertRefusedNamingField,
  FIELD_NAMES,
  fuzzConfig,
  invalidInputs,
  junkInputs,
  params,
  previewInputs,
  validInputs,
  VIOLATIONS,
  withUniqueGroupId,
} from "../../fuzz/validation.fuzz";
import { BUILTIN_NAMES } from "../../fuzz/rules";

const cfg = fuzzConfig();
const SLOW = 10 * 60_000;
/** Cases run per property, printed at the end (the README quotes them). */
const ran: Record<string, number> = {};
const count = (name: string) => () => void (ran[name] = (ran[name] ?? 0) + 1);
afterAll(() => console.log(`fuzz (seed ${cfg.seed}): ${JSON.stringify(ran)}`));

describe("property 1: invalid inputs are refused, naming the property", () => {
  test(
    "every single-rule violation is refused, and only the broken property is named",
    () => {
      const tick = count("single-rule violations");
      const labels = new Set<string>();
      fc.assert(
        fc.property(invalidInputs, ({ label, field, input }) => {
          tick();
          labels.add(label);
          assertRefusedNamingField(field, input);
        }),
        params(cfg, cfg.checkRuns),
      );
      // Every rule of the table was exercised at least once (the generator must not starve a class).
      if (cfg.checkRuns >= 300) expect([...VIOLATIONS.map((v) => v.label)].filter((l) => !labels.has(l))).toEqual([]);
    },
    SLOW,
  );

  test.each(VIOLATIONS.map((v) => [v.label, v] as const))("%s (30 seeded cases)", (_label, v) => {
    fc.assert(
      fc.property(v.arb, (input) => {
        const field =
          v.field === "*" ? Object.keys(input).find((k) => !k.startsWith("__") && !FIELD_NAMES.has(k))! : v.field;
        assertRefusedNamingField(field, input);
      }),
      params(cfg, 30),
    );
  });

  test(
    "junk: check names exactly the properties the independent rules say are broken",
    () => {
      const tick = count("junk vs oracle");
      let refused = 0;
      fc.assert(
        fc.property(junkInputs, (input) => {
          tick();
          assertAgreesWithOracle(input);
          if (check({}, input).failures.length > 0) refused++;
        }),
        params(cfg, cfg.checkRuns),
      );
      expect(refused).toBeGreaterThan(cfg.checkRuns / 2);
    },
    SLOW,
  );

  test(
    "anything that is not an input bag is refused for the missing type and name; nothing ever throws",
    () => {
      const tick = count("non-object and exotic values");
      const exotic = fc.anything({
        withBigInt: true,
        withDate: true,
        withMap: true,
        withSet: true,
        withNullPrototype: true,
        withTypedArray: true,
        withSparseArray: true,
        withBoxedValues: true,
      });
      fc.assert(
        fc.property(exotic, (news) => {
          tick();
          const { failures } = check(news, news);
          if (typeof news !== "object" || news === null || Array.isArray(news)) {
            expect(failures.map((f) => f.property)).toEqual(["type", "name"]);
          }
        }),
        params(cfg, cfg.checkRuns),
      );
    },
    SLOW,
  );
});

describe("property 3: valid inputs are accepted", () => {
  test(
    "by check: accepted, canonical form is a fixed point and diffs as no change",
    () => {
      const tick = count("valid, check only");
      fc.assert(
        fc.property(validInputs(), (input) => {
          tick();
          assertAccepted(input);
        }),
        params(cfg, cfg.checkRuns),
      );
    },
    SLOW,
  );

  test(
    "with values not known yet (preview): accepted by check",
    () => {
      const tick = count("valid with unknowns, check only");
      fc.assert(
        fc.property(previewInputs, (input) => {
          tick();
          assertPreviewAccepted(input);
        }),
        params(cfg, cfg.checkRuns),
      );
    },
    SLOW,
  );

  // FUZZ_EMULATOR_RUNS=0 (mutation testing) skips these: the unit runner must stay fast there.
  (cfg.emulatorRuns > 0 ? describe : describe.skip)("by the emulator when created through the real lifecycle", () => {
    let emu: RunningEmulator;
    let client: ChatClient;
    beforeAll(async () => {
      emu = await startEmulator({ sdkAppId: 1400000005, secretKey: "fuzz-key", admin: "administrator" });
      client = new ChatClient({
        sdkAppId: 1400000005,
        identifier: "administrator",
        secretKey: "fuzz-key",
        endpoint: emu.url,
        retry: 0,
        rateLimit: false,
      });
    });
    afterAll(async () => {
      await client?.close();
      await emu?.close();
    });

    test(
      "created, read back with no diff, destroyed",
      async () => {
        const tick = count("valid, created on the emulator");
        let n = 0;
        await fc.assert(
          fc.asyncProperty(validInputs({ creatable: true }), async (input) => {
            tick();
            emu.store.reset(); // a failed run (and shrinking) must not leave groups that make the next run collide
            await assertCreatedAsDeclared(client, emu, withUniqueGroupId(input, n++));
          }),
          params(cfg, cfg.emulatorRuns),
        );
        expect(emu.store.listGroups()).toEqual([]);
        expect(emu.counters().import_group).toBe(ran["valid, created on the emulator"]);
      },
      SLOW,
    );

    test(
      "property 4: custom fields changed in place (built-in-named keys included) hold exactly the new values",
      async () => {
        const tick = count("custom-field changes on the emulator");
        let builtins = 0;
        await fc.assert(
          fc.asyncProperty(customFieldChange, async ({ before, after }) => {
            tick();
            if ([...Object.keys(before), ...Object.keys(after)].some((k) => BUILTIN_NAMES.includes(k as never)))
              builtins++;
            emu.store.reset();
            await assertCustomFieldsUpdated(client, emu, before, after);
          }),
          params(cfg, cfg.emulatorRuns),
        );
        // The generator must really put built-in names in updates and removals.
        expect(builtins).toBeGreaterThan(cfg.emulatorRuns / 10);
      },
      SLOW,
    );
  });
});

describe("property 4: custom-field changes are sent as exactly that change", () => {
  test(
    "the modify body, applied as documented, turns the old fields into the new ones",
    () => {
      const tick = count("custom-field changes, mapping only");
      let removedBuiltins = 0;
      fc.assert(
        fc.property(customFieldChange, ({ before, after }) => {
          tick();
          if (
            Object.keys(before).some(
              (k) => BUILTIN_NAMES.includes(k as never) && !Object.prototype.hasOwnProperty.call(after, k),
            )
          )
            removedBuiltins++;
          assertModifySendsTheChange(before, after);
        }),
        params(cfg, cfg.checkRuns),
      );
      expect(removedBuiltins).toBeGreaterThan(0);
    },
    SLOW,
  );
});

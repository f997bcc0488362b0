/**
 * FaultBook counting (once / n times / always, first match wins, removal), parseFaultRule, and QuotaBook's
 * sliding one-second window on an injected clock.
 */
import { FaultBook, parseFaultRule } from "../../../emulator/faults";
import { QuotaBook } from "../../../emulator/quota";

describe("FaultBook", () => {
  const err = (errorCode: number) => ({ kind: "error" as const, errorCode });

  test("default once; times n; Infinity always", () => {
    const book = new FaultBook();
    book.add({ action: "import_group", effect: err(1) });
    expect(book.take("import_group")).toEqual(err(1));
    expect(book.take("import_group")).toBeUndefined();

    book.add({ action: "import_group", effect: err(2), times: 3 });
    expect([1, 2, 3, 4].map(() => book.take("import_group")?.kind)).toEqual(["error", "error", "error", undefined]);

    book.add({ effect: err(3), times: Infinity });
    for (let i = 0; i < 100; i++) expect(book.take("destroy_group")).toEqual(err(3));
    expect(book.size).toBe(1);
  });

  test("rules fire in the order added; action-specific rules skip other actions; removal", () => {
    const book = new FaultBook();
    const removeA = book.add({ action: "destroy_group", effect: err(1) });
    book.add({ effect: err(2), times: 2 });
    expect(book.take("get_group_info")).toEqual(err(2));
    expect(book.take("destroy_group")).toEqual(err(1));
    expect(book.take("destroy_group")).toEqual(err(2));
    expect(book.take("destroy_group")).toBeUndefined();
    removeA();
    const removeB = book.add({ effect: err(4), times: Infinity });
    removeB();
    expect(book.take("import_group")).toBeUndefined();
    book.add({ effect: err(5) });
    book.clear();
    expect(book.size).toBe(0);
  });

  test.each([0, -1, NaN])("times %p is refused", (times) => {
    expect(() => new FaultBook().add({ effect: err(1), times })).toThrow("times");
  });
});

describe("parseFaultRule", () => {
  test.each([
    [{ effect: { kind: "drop" } }, { effect: { kind: "drop" } }],
    [
      { action: "import_group", effect: { kind: "applyThenDrop" }, times: "always" },
      { action: "import_group", effect: { kind: "applyThenDrop" }, times: Infinity },
    ],
    [
      { effect: { kind: "error", errorCode: 10002, errorInfo: "x" }, times: 2 },
      { effect: { kind: "error", errorCode: 10002, errorInfo: "x" }, times: 2 },
    ],
    [{ effect: { kind: "http", status: 503 } }, { effect: { kind: "http", status: 503 } }],
    [{ effect: { kind: "delay", ms: 0 } }, { effect: { kind: "delay", ms: 0 } }],
  ])("%j", (input, expected) => {
    expect(parseFaultRule(input)).toEqual(expected);
  });

  test.each([
    [null, "JSON object"],
    [{ effect: { kind: "error", errorCode: "1" } }, "errorCode"],
    [{ effect: { kind: "error", errorCode: 1, errorInfo: 2 } }, "errorInfo"],
    [{ effect: { kind: "delay", ms: -1 } }, "ms"],
    [{ effect: "drop" }, "kind"],
    [{ action: 5, effect: { kind: "drop" } }, "action"],
    [{ effect: { kind: "drop" }, times: 1.5 }, "times"],
  ])("%j → error naming %s", (input, field) => {
    expect(() => parseFaultRule(input)).toThrow(field);
  });
});

describe("QuotaBook", () => {
  test("sliding one-second window on the injected clock", () => {
    let now = 10_000;
    const book = new QuotaBook(() => now, { get_appid_group_list: 2 });
    expect([
      book.tryTake("get_appid_group_list"),
      book.tryTake("get_appid_group_list"),
      book.tryTake("get_appid_group_list"),
    ]).toEqual([true, true, false]);
    now += 500;
    expect(book.tryTake("get_appid_group_list")).toBe(false);
    now += 500; // the first two calls are exactly one second old: out of the window
    expect(book.tryTake("get_appid_group_list")).toBe(true);
    expect(book.tryTake("import_group")).toBe(true); // no quota
  });

  test("refused calls do not use up the window", () => {
    let now = 0;
    const book = new QuotaBook(() => now, { destroy_group: 1 });
    expect(book.tryTake("destroy_group")).toBe(true);
    for (let i = 0; i < 10; i++) {
      now += 90;
      expect(book.tryTake("destroy_group")).toBe(false);
    }
    now += 100;
    expect(book.tryTake("destroy_group")).toBe(true);
  });

  test("set, clear and validate", () => {
    const book = new QuotaBook(() => 0);
    book.set("import_group", 1);
    expect(book.get("import_group")).toBe(1);
    expect(book.tryTake("import_group")).toBe(true);
    expect(book.tryTake("import_group")).toBe(false);
    book.set("import_group", undefined);
    expect(book.tryTake("import_group")).toBe(true);
    expect(() => book.set("import_group", 0)).toThrow("positive");
  });
});

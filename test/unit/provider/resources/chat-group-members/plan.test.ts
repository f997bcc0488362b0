/** The membership plan, table-driven: who is added, removed and changed, and how a plan is described. */
import {
  describePlan,
  detailedDiffOf,
  emptyMembership,
  liveMembership,
  planMembership,
  type MemberEntry,
  type Membership,
} from "../../../../../provider/resources/chat-group-members/plan";

const m = (entries: Record<string, MemberEntry>): Membership => Object.assign(emptyMembership(), entries);
const M = { role: "Member" } as const;
const A = { role: "Admin" } as const;

describe("planMembership", () => {
  test.each<[string, Membership, Membership, { add: string[]; remove: string[]; change: string[] }]>([
    ["nothing to do", m({ a: M }), m({ a: M }), { add: [], remove: [], change: [] }],
    ["from empty", m({}), m({ b: M, a: A }), { add: ["a", "b"], remove: [], change: [] }],
    ["remove the undeclared", m({ a: M, x: M, y: A }), m({ a: M }), { add: [], remove: ["x", "y"], change: [] }],
    ["role change", m({ a: M, b: A }), m({ a: A, b: M }), { add: [], remove: [], change: ["a", "b"] }],
    [
      "a declared name card differs",
      m({ a: { role: "Member", nameCard: "old" } }),
      m({ a: { role: "Member", nameCard: "new" } }),
      { add: [], remove: [], change: ["a"] },
    ],
    [
      "an undeclared name card is not managed",
      m({ a: { role: "Member", nameCard: "mine" } }),
      m({ a: M }),
      { add: [], remove: [], change: [] },
    ],
    [
      "a declared name card whose live value is unknown is sent",
      m({ a: M }),
      m({ a: { role: "Member", nameCard: "" } }),
      { add: [], remove: [], change: ["a"] },
    ],
    ["all at once", m({ a: M, b: M, c: M }), m({ b: A, d: M }), { add: ["d"], remove: ["a", "c"], change: ["b"] }],
    [
      "prototype names are plain accounts",
      m({ constructor: M }),
      m({ __proto__x: M, toString: A }),
      {
        add: ["__proto__x", "toString"],
        remove: ["constructor"],
        change: [],
      },
    ],
  ])("%s", (_label, current, declared, want) => {
    const plan = planMembership(current, declared);
    expect({
      add: plan.add.map((a) => a.account),
      remove: plan.remove,
      change: plan.change.map((c) => c.account),
    }).toEqual(want);
  });

  test("a change sends only what differs", () => {
    const plan = planMembership(
      m({ a: { role: "Member", nameCard: "x" } }),
      m({ a: { role: "Admin", nameCard: "x" } }),
    );
    expect(plan.change).toEqual([{ account: "a", role: "Admin", from: { role: "Member", nameCard: "x" } }]);
  });
});

describe("liveMembership", () => {
  test("leaves the owner out and keeps name cards only where managed", () => {
    const live = liveMembership(
      [
        { account: "boss", role: "Owner", nameCard: "B" },
        { account: "b", role: "Admin", nameCard: "bee" },
        { account: "a", role: "Member", nameCard: "ay" },
      ],
      new Set(["a"]),
    );
    expect(JSON.stringify(live)).toBe(JSON.stringify({ a: { role: "Member", nameCard: "ay" }, b: { role: "Admin" } }));
  });
});

describe("detailedDiffOf", () => {
  test("keys every account by its kind", () => {
    const plan = planMembership(m({ a: M, b: M }), m({ b: A, c: M }));
    expect(detailedDiffOf(plan)).toEqual({
      'members["a"]': { kind: "delete", inputDiff: true },
      'members["b"]': { kind: "update", inputDiff: true },
      'members["c"]': { kind: "add", inputDiff: true },
    });
  });
});

describe("describePlan", () => {
  test("is compact for large groups: the first accounts, then a count", () => {
    const current = m(
      Object.fromEntries(Array.from({ length: 6000 }, (_, i) => [`u${String(i).padStart(4, "0")}`, M])),
    );
    const lines = describePlan(planMembership(current, m({ new1: M })), 3);
    expect(lines).toEqual([
      'remove 6,000 members not in the program: "u0000", "u0001", "u0002" and 5,997 more',
      'add 1 member: "new1"',
    ]);
  });

  test("names each change", () => {
    const lines = describePlan(planMembership(m({ a: M }), m({ a: { role: "Admin", nameCard: "Al" } })));
    expect(lines).toEqual(['change 1 member: "a" (role Member → Admin, nameCard (unknown) → "Al")']);
  });
});

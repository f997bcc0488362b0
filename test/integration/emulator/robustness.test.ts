/**
 * Emulator robustness (issue 5), against the compiled CLI in a child process, so "never crashes" means the process
 * never exits: a corpus of malformed URLs, bodies, methods, content types and over-limit bodies each gets its
 * documented answer; 1,000 concurrent loopback connections each get one; and afterwards a valid import + get works.
 * No fixed ports, no sleeps; every loop is bounded.
 */
import { buildCorpus, CORPUS_BODY_LIMIT, type CorpusEntry } from "./robustness-corpus";
import {
  httpRequest,
  isEnvelope,
  rawHttp,
  signedQuery,
  spawnEmulator,
  type Child,
  type RawAnswer,
} from "./robustness-helpers";
import { connect, type Socket } from "node:net";

const SVC = "/v4/group_open_http_svc";

/** A valid import_group then get_group_info of the same id: the emulator still serves. */
async function importThenGet(child: Child, id: string): Promise<void> {
  const q = signedQuery();
  const imported = await rawHttp(
    child.port,
    httpRequest(
      "POST",
      `${SVC}/import_group?${q}`,
      JSON.stringify({ Type: "Public", Name: "still-serving", GroupId: id }),
    ),
  );
  expect(imported.json).toMatchObject({ ActionStatus: "OK", ErrorCode: 0, GroupId: id });
  const got = await rawHttp(
    child.port,
    httpRequest("POST", `${SVC}/get_group_info?${q}`, JSON.stringify({ GroupIdList: [id] })),
  );
  expect(got.json).toMatchObject({
    ActionStatus: "OK",
    GroupInfo: [{ GroupId: id, ErrorCode: 0, Name: "still-serving" }],
  });
}

/** Asserts `answer` is what `entry` documents. */
function expectDocumented(entry: CorpusEntry, answer: RawAnswer): void {
  const e = entry.expected;
  const where = `${entry.label}: got ${answer.status ?? "no answer"} ${answer.body.slice(0, 200)} ${answer.error ?? ""}`;
  if (e.kind === "http") {
    if (!e.statuses.includes(answer.status ?? -1)) throw new Error(where);
    return;
  }
  if (answer.status !== e.status || !isEnvelope(answer.json)) throw new Error(where);
  if (e.code !== undefined && answer.json!.ErrorCode !== e.code) throw new Error(where);
  if (e.info !== undefined && !e.info.test(String(answer.json!.ErrorInfo))) throw new Error(where);
}

describe("malformed requests", () => {
  let child: Child;
  beforeAll(async () => {
    child = await spawnEmulator(["--max-body-bytes", String(CORPUS_BODY_LIMIT), "--log"]);
  }, 30_000);
  afterAll(async () => {
    child.proc.kill("SIGTERM");
    await child.exited;
  });

  const corpus = buildCorpus();
  test("the corpus is what the README says: 41 malformed (error envelopes), 14 bare HTTP errors, 12 valid (HEAD included)", () => {
    const counts = { malformed: 0, "bare-http": 0, valid: 0 };
    for (const c of corpus) counts[c.category]++;
    expect(counts).toEqual({ malformed: 41, "bare-http": 14, valid: 12 });
    // A malformed entry must expect a real refusal: an envelope with a non-zero code.
    for (const c of corpus.filter((x) => x.category === "malformed"))
      expect(c.expected).toMatchObject({ kind: "envelope", code: expect.any(Number) });
    expect(
      corpus.filter((x) => x.category === "malformed" && x.expected.kind === "envelope" && !x.expected.code),
    ).toEqual([]);
  });

  test.each(corpus.map((c) => [c.label, c] as const))(
    "%s → its documented answer; the process stays up",
    async (_label, entry) => {
      const answer = await rawHttp(child.port, entry.payload, { head: entry.head, endAfterWrite: entry.endAfterWrite });
      expectDocumented(entry, answer);
      expect(answer.json?.ErrorCode).not.toBe(10002); // "internal server error" would mean an unhandled case
      expect(child.alive()).toBe(true);
    },
  );

  test("a client that promises more body than it sends and hangs up: no crash", async () => {
    const q = signedQuery();
    const answer = await rawHttp(
      child.port,
      httpRequest("POST", `${SVC}/import_group?${q}`, '{"Type":', { "Content-Length": "100" }),
      { endAfterWrite: true },
    );
    expect([undefined, 400]).toContain(answer.status);
    expect(child.alive()).toBe(true);
  });

  test("a runaway upload is answered with the limit before it ends, and the connection closed", async () => {
    const q = signedQuery();
    // 100 MB promised; the emulator drains an oversized body up to 8× the limit (emulator/http-body.ts), then answers
    // and closes. We send exactly one byte past that and then nothing more, so the answer must come while the upload
    // is still "running". (Sending more than the server reads would let a reset cut the answer: the test could not
    // tell a missing answer from a cut one.)
    const head = Buffer.from(
      `POST ${SVC}/import_group?${q} HTTP/1.1\r\nHost: x\r\nContent-Length: 100000000\r\n\r\n`,
      "latin1",
    );
    const answer = await rawHttp(child.port, Buffer.concat([head, Buffer.alloc(8 * CORPUS_BODY_LIMIT + 1, 0x78)]));
    expect(answer.status).toBe(200);
    expect(answer.json).toMatchObject({
      ActionStatus: "FAIL",
      ErrorCode: 60002,
      ErrorInfo: expect.stringContaining(`${CORPUS_BODY_LIMIT}-byte limit`),
    });
    expect(answer.headers.connection).toBe("close");
    expect(child.alive()).toBe(true);
  });

  // Depends on the tests above (jest runs a file's tests in order): it checks what the whole corpus left behind.
  test("after the whole corpus: alive, still serving, nothing unhandled in the log", async () => {
    expect(child.alive()).toBe(true);
    await importThenGet(child, "after-corpus");
    expect(child.stderr()).not.toMatch(/internal error/);
  });
});

describe("1,000 concurrent connections", () => {
  const N = 1000;
  let child: Child;
  beforeAll(async () => {
    child = await spawnEmulator([]);
  }, 30_000);
  afterAll(async () => {
    child.proc.kill("SIGTERM");
    await child.exited;
  });

  /** Request i: a mix of valid and invalid, each with the answer it must get. */
  function requestFor(i: number, q: string): { payload: Buffer; check: (a: RawAnswer) => boolean } {
    const ok =
      (code: number, status = 200) =>
      (a: RawAnswer) =>
        a.status === status && isEnvelope(a.json) && a.json!.ErrorCode === code;
    switch (i % 5) {
      case 0:
        return {
          payload: httpRequest(
            "POST",
            `${SVC}/import_group?${q}`,
            JSON.stringify({ Type: "Public", Name: `c${i}`, GroupId: `conc-${i}` }),
          ),
          check: ok(0),
        };
      case 1:
        return {
          payload: httpRequest(
            "POST",
            `${SVC}/get_group_info?${q}`,
            JSON.stringify({ GroupIdList: [`conc-${i - 1}`] }),
          ),
          check: ok(0),
        };
      case 2:
        return { payload: httpRequest("POST", `${SVC}/import_group?${q}`, "{Type:"), check: ok(60003) };
      case 3:
        return {
          payload: httpRequest("POST", `${SVC}/get_appid_group_list?${signedQuery({ usersig: "garbage" })}`, "{}"),
          check: ok(70003),
        };
      default:
        return { payload: httpRequest("POST", `/nowhere/${i}`, "{}"), check: ok(60009, 404) };
    }
  }

  test(`${N} sockets open at once, each sends one request: all ${N} answered, the process stays up`, async () => {
    const q = signedQuery();
    // Phase 1: open every connection and wait until all are established (none has sent anything yet).
    const sockets: Socket[] = [];
    await Promise.all(
      Array.from(
        { length: N },
        () =>
          new Promise<void>((resolve, reject) => {
            const s = connect(child.port, "127.0.0.1", () => resolve());
            s.once("error", reject);
            sockets.push(s);
          }),
      ),
    );
    // Phase 2: every socket sends its request; collect each answer (the server closes after it: Connection: close).
    const started = Date.now();
    const results = await Promise.all(
      sockets.map(
        (s, i) =>
          new Promise<boolean>((resolve) => {
            const { payload, check } = requestFor(i, q);
            const chunks: Buffer[] = [];
            s.on("data", (d: Buffer) => chunks.push(d));
            s.on("error", () => resolve(false));
            s.on("close", () => {
              const text = Buffer.concat(chunks).toString("utf8");
              const m = /^HTTP\/1\.1 (\d{3})[\s\S]*?\r\n\r\n([\s\S]*)$/.exec(text);
              let json: Record<string, unknown> | undefined;
              try {
                json = m ? (JSON.parse(m[2]!) as Record<string, unknown>) : undefined;
              } catch {
                json = undefined;
              }
              resolve(m !== null && check({ status: Number(m[1]), headers: {}, body: m[2]!, json }));
            });
            s.write(payload);
          }),
      ),
    );
    const answered = results.filter(Boolean).length;
    console.log(`concurrency: ${answered}/${N} answered as documented in ${Date.now() - started} ms`);
    expect(answered).toBe(N);
    expect(child.alive()).toBe(true);
    // Every acknowledged import is there, once.
    const snap = await rawHttp(child.port, httpRequest("GET", "/_emulator/groups"));
    const ids = (snap.json!.groups as { GroupId: string }[])
      .map((g) => g.GroupId)
      .filter((id) => id.startsWith("conc-"));
    expect(ids.sort()).toEqual(Array.from({ length: N / 5 }, (_, k) => `conc-${k * 5}`).sort());
    await importThenGet(child, "after-concurrency");
  }, 120_000);

  test("the default 1 MiB limit: one byte over is a FAIL envelope naming 1048576 bytes", async () => {
    const q = signedQuery();
    const answer = await rawHttp(
      child.port,
      httpRequest("POST", `${SVC}/import_group?${q}`, "x".repeat(1024 * 1024 + 1)),
    );
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({
      ActionStatus: "FAIL",
      ErrorCode: 60002,
      ErrorInfo: expect.stringContaining("1048576-byte limit"),
    });
    expect(answer.headers.connection).toBe("close");
    await importThenGet(child, "after-oversize");
  });
});

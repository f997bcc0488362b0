/**
 * Progress of a long export on stderr: groups listed, read, members read, files written, with an estimate of the
 * time left. The estimate is what the quotas still allow at best (listing pages at 1/s, reads of 50 groups at
 * 200/s, one member page per group at 200/s), or the pace seen so far when that is slower. Lines go out at most
 * once a second (plus each phase's end), so a 10,000-group export prints a few dozen lines, not thousands.
 */

/** Where progress goes and what time it is (injectable for tests). */
export interface ProgressSink {
  write(line: string): void;
  now(): number;
}

/** Quotas the estimate assumes, per second. */
const LIST_PER_S = 1;
const READ_PER_S = 200;
const MEMBER_PER_S = 200;

/** Seconds as `12 s`, `3 min 5 s`. */
export function duration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  return s < 60 ? `${s} s` : `${Math.floor(s / 60)} min ${s % 60} s`;
}

/** {@link Progress}: the export's phases feed it; it prints throttled lines with an estimate of the time left. */
export class Progress {
  private listed = 0;
  private total = 0;
  private pageSize: number;
  private readCount = 0;
  private membersDone = 0;
  /** Groups whose members are read (all but AVChatRoom); the listing total until known. */
  private membersOf: number | undefined;
  private lastLine = -Infinity;
  /** When the first page of ids arrived (reads start then): the pace is measured from there. */
  private readsFrom: number | undefined;

  constructor(
    private readonly sink: ProgressSink | undefined,
    private readonly withMembers: boolean,
    pageSize: number,
  ) {
    this.pageSize = pageSize;
  }

  /** Seconds the remaining work needs at the quotas. */
  private atQuota(): number {
    const pagesLeft = Math.max(0, Math.ceil((this.total - this.listed) / this.pageSize));
    const readsLeft = Math.ceil(Math.max(0, this.total - this.readCount) / 50);
    const membersLeft = this.withMembers ? Math.max(0, (this.membersOf ?? this.total) - this.membersDone) : 0;
    return pagesLeft / LIST_PER_S + readsLeft / READ_PER_S + membersLeft / MEMBER_PER_S;
  }

  /** Seconds left: the quota bound, or the pace so far when slower (once a tenth of the work is done). */
  eta(): number {
    const quota = this.atQuota();
    const elapsed = ((this.sink?.now() ?? 0) - (this.readsFrom ?? 0)) / 1000;
    const work = this.total + (this.withMembers ? (this.membersOf ?? this.total) : 0);
    const done = this.readCount + (this.withMembers ? this.membersDone : 0);
    if (this.readsFrom === undefined || done < work / 10 || elapsed <= 0) return quota;
    const paced = (elapsed / done) * (work - done);
    return Math.max(quota, paced);
  }

  private say(text: string, force: boolean): void {
    if (this.sink === undefined) return;
    const now = this.sink.now();
    if (!force && now - this.lastLine < 1000) return;
    this.lastLine = now;
    this.sink.write(text);
  }

  /** After each listing page. */
  listedGroups(listed: number, total: number, pages: number): void {
    this.readsFrom ??= this.sink?.now();
    this.listed = listed;
    this.total = total;
    const last = listed >= total;
    this.say(
      `listed ${listed} of ${total} groups (${pages} page${pages === 1 ? "" : "s"})${last ? "" : `, about ${duration(this.eta())} left`}`,
      last,
    );
  }

  /** After each get_group_info call. */
  readGroups(read: number): void {
    this.readCount = read;
    const last = read >= this.total && this.listed >= this.total;
    const pct = this.total === 0 ? 100 : Math.floor((100 * read) / this.total);
    this.say(`read ${read} of ${this.total} groups (${pct}%), about ${duration(this.eta())} left`, last);
  }

  /** After each group's members. */
  readMembers(groups: number, members: number, of: number): void {
    this.membersDone = groups;
    this.membersOf = of;
    this.say(
      `read the members of ${groups} groups (${members} members), about ${duration(this.eta())} left`,
      groups >= of,
    );
  }

  /** Once the files are in place. */
  wrote(where: string, files: number): void {
    this.say(`wrote ${files} files to ${where}`, true);
  }

  /** Any other line (forced). */
  note(text: string): void {
    this.say(text, true);
  }
}

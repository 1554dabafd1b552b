import {
  MIN_REPEATED_VALUE,
  MIN_SHARED_PART,
  buildStringTable,
  resolveRef,
} from "../../src/domain/stringTable";

const MAILBOX = "AAMkAGVmMDEzMTM4LTZmYWUtNDdkNC1hMDZiLTU1OGY5OTZhYmY4OABGAAAAAAAiQ8W967B7TKBjgx9rVEURBwAi";
const HOST = "@PH0PR11MB5000.namprd11.prod.outlook.com>";

function roundTrips(values: readonly string[]): void {
  const table = buildStringTable(values);
  for (const value of values) expect(resolveRef(table.ref(value), table.strings)).toBe(value);
}

describe("buildStringTable", () => {
  it("shares nothing when nothing repeats", () => {
    const table = buildStringTable(["alpha", "beta", "gamma"]);
    expect(table.strings).toEqual([]);
    expect(table.ref("beta")).toBe("beta");
  });

  it("stores a repeated value once and refers to it by index", () => {
    const table = buildStringTable(["tic@universidad.edu.co", "x", "tic@universidad.edu.co"]);
    expect(table.strings).toEqual(["tic@universidad.edu.co"]);
    expect(table.ref("tic@universidad.edu.co")).toBe(0);
    expect(table.ref("x")).toBe("x");
  });

  it("keeps short repeated values literal, for a record people can read", () => {
    const short = "a".repeat(MIN_REPEATED_VALUE - 1);
    expect(buildStringTable([short, short, short]).strings).toEqual([]);
    expect(buildStringTable([`${short}b`, `${short}b`]).strings).toEqual([`${short}b`]);
  });

  it("shares the common prefix of Graph ids from one mailbox", () => {
    const ids = ["AAYbuK8AAA=", "AAYbuL1AAA=", "AAYbuM2AAA="].map((item) => MAILBOX + item);
    const table = buildStringTable(ids);
    expect(table.strings).toEqual([`${MAILBOX}AAYbu`]);
    expect(table.ref(ids[1] ?? "")).toEqual([0, "L1AAA="]);
    roundTrips(ids);
  });

  it("shares the common suffix of internetMessageIds from one server", () => {
    const ids = ["<A1B2C3", "<D4E5F6", "<0A9B8C"].map((local) => local + HOST);
    const table = buildStringTable(ids);
    expect(table.strings).toEqual([HOST]);
    expect(table.ref(ids[0] ?? "")).toEqual(["<A1B2C3", 0]);
    roundTrips(ids);
  });

  it("picks the part shared by many over a longer one shared by chance by two", () => {
    // Two of the hex local parts end alike ("…7" + host): the table must still hold one host entry for all.
    const ids = ["<AAA7", "<BBB7", "<CCC1", "<DDD2", "<EEE3"].map((local) => local + HOST);
    const table = buildStringTable(ids);
    expect(table.strings).toContain(HOST);
    expect(table.strings.filter((s) => s.endsWith(HOST))).toHaveLength(1);
    roundTrips(ids);
  });

  it("ignores shared parts shorter than the minimum", () => {
    const short = "x".repeat(MIN_SHARED_PART - 1);
    expect(buildStringTable([`${short}1`, `${short}2`, `${short}3`]).strings).toEqual([]);
  });

  it("keeps a value that is exactly a shared prefix as a plain index", () => {
    const base = "P".repeat(30);
    const table = buildStringTable([base, `${base}a`, `${base}b`, `${base}c`]);
    expect(table.ref(base)).toBe(0);
    roundTrips([base, `${base}a`, `${base}b`, `${base}c`]);
  });

  it("returns a value it was not built with unchanged", () => {
    expect(buildStringTable([MAILBOX + "1", MAILBOX + "2"]).ref("other")).toBe("other");
  });

  it("round-trips every value (property over 500 generated sets)", () => {
    let state = 42;
    const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
    const pieces = [MAILBOX, HOST, "tic@universidad.edu.co", "", "ñ🎉", "0", '[0,"x"]'];
    for (let n = 0; n < 500; n++) {
      const values = Array.from({ length: 1 + Math.floor(random() * 30) }, () => {
        const a = pieces[Math.floor(random() * pieces.length)] ?? "";
        const b = pieces[Math.floor(random() * pieces.length)] ?? "";
        return a + Math.floor(random() * 50).toString(36) + b;
      });
      roundTrips(values);
    }
  });
});

describe("resolveRef", () => {
  const strings = ["shared-prefix-", "-shared-suffix"];

  it("resolves each form", () => {
    expect(resolveRef("plain", strings)).toBe("plain");
    expect(resolveRef(0, strings)).toBe("shared-prefix-");
    expect(resolveRef([0, "rest"], strings)).toBe("shared-prefix-rest");
    expect(resolveRef(["head", 1], strings)).toBe("head-shared-suffix");
  });

  it("returns undefined for an index outside the table", () => {
    expect(resolveRef(2, strings)).toBeUndefined();
    expect(resolveRef([5, "x"], strings)).toBeUndefined();
    expect(resolveRef(["x", 5], strings)).toBeUndefined();
  });
});

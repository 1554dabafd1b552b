import { ConfigFetchError, fetchTextWith } from "../../src/config/fetchText";

describe("fetchTextWith", () => {
  it("returns the body of a successful response, bypassing the cache", async () => {
    const fetchImpl = jest.fn(async () => ({ ok: true, status: 200, text: async () => "{}" }));
    await expect(fetchTextWith(fetchImpl)("pregon.config.json")).resolves.toBe("{}");
    expect(fetchImpl).toHaveBeenCalledWith("pregon.config.json", { cache: "no-store" });
  });

  it("rejects with the status of a failed response", async () => {
    const fetchImpl = async () => ({ ok: false, status: 404, text: async () => "Not found" });
    await expect(fetchTextWith(fetchImpl)("pregon.config.json")).rejects.toEqual(
      expect.objectContaining({ name: "ConfigFetchError", status: 404 }),
    );
    await expect(fetchTextWith(fetchImpl)("x")).rejects.toBeInstanceOf(ConfigFetchError);
  });
});

describe("fetchTextWith, preloaded", () => {
  it("fetches in the default cache mode, the only one a browser answers from a <link rel=preload>", async () => {
    const fetchImpl = jest.fn(async () => ({ ok: true, status: 200, text: async () => "{}" }));
    await expect(fetchTextWith(fetchImpl, { preloaded: true })("pregon.config.json")).resolves.toBe("{}");
    expect(fetchImpl).toHaveBeenCalledWith("pregon.config.json", { cache: "default" });
  });
});

// The demo's state survives a reload: the tenant is saved in the browser's storage after every change, and
// "Reset demo" goes back to the seed.
//
// `?fresh=1` means "start from the seed" once: the page opens the seed, saves it, and takes `fresh` out of its
// address (`addressAfterOpen`), so that a reload then keeps the work done since — the address and the stored state
// agree. Reset stops the saving first (a save due after the reset would otherwise write the old state back), clears
// the stored state and loads the address without `fresh`: the next start seeds and saves, again in agreement.
import { Tenant, createTenant } from "../emulator";
import { seedDemoMail } from "./seedMessages";
import { TENANT_SPEC } from "./tenantSpec";

// v2: IT became a shared mailbox worked by a delegate (carlos.perez@); a v1 tenant has no such user.
const KEY = "pregon-demo-tenant-v2";

export function openDemoTenant({ fresh }: { fresh: boolean }): Tenant {
  if (!fresh) {
    const saved = window.localStorage.getItem(KEY);
    if (saved) {
      try {
        return Tenant.fromJSON(JSON.parse(saved));
      } catch {
        window.localStorage.removeItem(KEY);
      }
    }
  }
  const tenant = createTenant(TENANT_SPEC);
  seedDemoMail(tenant);
  save(tenant);
  return tenant;
}

/** The page's address once the tenant is open: without `fresh`, which has done its work. */
export function addressAfterOpen(href: string): string {
  const url = new URL(href);
  if (!url.searchParams.has("fresh")) return href;
  url.searchParams.delete("fresh");
  return url.toString();
}

/** Whether the browser has a saved demo state (what a start without `fresh` resumes). */
export function hasSavedDemo(): boolean {
  return window.localStorage.getItem(KEY) !== null;
}

/**
 * Back to the seed: stops the saving of the running tenant, forgets the saved state, and returns the address to
 * load (the current one without `fresh`), where the start seeds afresh and saves that.
 */
export function resetDemoTenant(stopSaving: () => void, href: string): string {
  stopSaving();
  window.localStorage.removeItem(KEY);
  return addressAfterOpen(href);
}

/** False when the browser refused the state (quota): the demo then goes on in memory only. */
function save(tenant: Tenant): boolean {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(tenant.toJSON()));
    return true;
  } catch {
    return false;
  }
}

/**
 * Saves after changes, at most once a second. Once storage refuses (e.g. after seeding 10,000 cases for a
 * benchmark) it stops trying, rather than serializing a large tenant every second for nothing. Returns the
 * function that stops it.
 */
export function persistOnChange(tenant: Tenant): () => void {
  let seen = tenant.log.last()?.seq ?? 0;
  const timer = setInterval(() => {
    const last = tenant.log.last()?.seq ?? 0;
    if (last === seen) return;
    seen = last;
    if (!save(tenant)) {
      clearInterval(timer);
      window.localStorage.removeItem(KEY);
    }
  }, 1000);
  return () => clearInterval(timer);
}

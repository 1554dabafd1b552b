// The demo's state survives a reload: the tenant is saved in the browser's storage after every change, and
// "Reset demo" goes back to the seed.
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

export function resetDemoTenant(): void {
  window.localStorage.removeItem(KEY);
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
 * benchmark) it stops trying, rather than serializing a large tenant every second for nothing.
 */
export function persistOnChange(tenant: Tenant): void {
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
}

// The demo's state survives a reload: the tenant is saved in the browser's storage after every change, and
// "Reset demo" goes back to the seed.
import { Tenant, createTenant } from "../emulator";
import { seedDemoMail } from "./seedMessages";
import { TENANT_SPEC } from "./tenantSpec";

const KEY = "pregon-demo-tenant-v1";

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

function save(tenant: Tenant): void {
  try {
    window.localStorage.setItem(KEY, JSON.stringify(tenant.toJSON()));
  } catch {
    // Storage full (e.g. after seeding 10,000 cases for a benchmark): the demo goes on in memory only.
  }
}

export function persistOnChange(tenant: Tenant): void {
  let seen = tenant.log.last()?.seq ?? 0;
  setInterval(() => {
    const last = tenant.log.last()?.seq ?? 0;
    if (last !== seen) {
      seen = last;
      save(tenant);
    }
  }, 1000);
}

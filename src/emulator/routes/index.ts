// The route tables of the emulated Graph v1.0 surface.
import { actionRoutes } from "./actions";
import { attachmentRoutes } from "./attachments";
import { batchRoutes } from "./batch";
import { groupRoutes } from "./groups";
import { messageRoutes } from "./messages";
import type { RouteTables } from "./router";
import { userRoutes } from "./users";

export const routeTables: RouteTables = {
  mailbox: [...messageRoutes, ...actionRoutes, ...attachmentRoutes],
  root: [...userRoutes, ...groupRoutes, ...batchRoutes],
};

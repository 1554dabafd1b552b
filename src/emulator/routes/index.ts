// The route tables of the emulated Graph v1.0 surface.
import { actionRoutes } from "./actions";
import { messageRoutes } from "./messages";
import type { RouteTables } from "./router";
import { userRoutes } from "./users";

export const routeTables: RouteTables = {
  mailbox: [...messageRoutes, ...actionRoutes],
  root: [...userRoutes],
};

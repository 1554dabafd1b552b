// GET /me and GET /users/{id | userPrincipalName}: the directory entry of a user or shared mailbox.
import { GraphError } from "../errors";
import type { EmuResponse } from "../http";
import { jsonResponse } from "../http";
import type { Mailbox } from "../state/mailbox";
import type { RouteContext } from "./context";
import { metadataUrl } from "./context";
import type { Route } from "./router";

function userJson(context: RouteContext, mailbox: Mailbox): Record<string, unknown> {
  const [given = "", ...rest] = mailbox.displayName.split(" ");
  return {
    "@odata.context": `${metadataUrl(context)}#users/$entity`,
    id: mailbox.id,
    displayName: mailbox.displayName,
    givenName: mailbox.kind === "user" ? given : null,
    surname: mailbox.kind === "user" ? rest.join(" ") || null : null,
    mail: mailbox.address,
    userPrincipalName: mailbox.address,
    preferredLanguage: mailbox.preferredLanguage,
    businessPhones: [],
    jobTitle: null,
    mobilePhone: null,
    officeLocation: null,
  };
}

// GET /users/{id | userPrincipalName}: any user or shared mailbox of the directory (reading a profile needs no
// mailbox access); unknown → 404 Request_ResourceNotFound.
function getUser(context: RouteContext): EmuResponse {
  const ref = context.params.user ?? "";
  const mailbox = context.tenant.resolveMailbox(ref);
  if (!mailbox) {
    throw new GraphError(
      404,
      "Request_ResourceNotFound",
      `Resource '${ref}' does not exist or one of its queried reference-property objects are not present.`,
    );
  }
  return jsonResponse(200, userJson(context, mailbox));
}

// GET /me: the signed-in user (the token's).
export const userRoutes: Route[] = [
  { method: "GET", pattern: "me", handler: (c) => jsonResponse(200, userJson(c, c.caller)) },
  { method: "GET", pattern: "users/:user", handler: getUser },
];

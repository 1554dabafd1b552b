// IT's actions on a forwarded case, one file each: prepare the mass-mail draft (prepareMassMail.ts), send it once
// (sendMassMail.ts), confirm to Communications (confirmToCommunications.ts), or refuse the request
// (refuseRequest.ts). The IT lifecycle that guards them is domain/itLifecycle.ts. This module keeps the names the
// task pane and the tests import.
export { caseCancelledError } from "./itCase";
export { prepareMassMail, switchDraftSender } from "./prepareMassMail";
export type { PrepareInput } from "./prepareMassMail";
export { requestedSend, requestedSendTime, sendMassMail } from "./sendMassMail";
export type { SendMassMailOptions, SendWhen } from "./sendMassMail";
export { withdrawScheduledMassMail } from "./withdrawScheduled";
export { confirmToCommunications } from "./confirmToCommunications";
export { findTestReply, sendBlockedByApproval, sendTestMail } from "./testSend";
export { refuseRequest } from "./refuseRequest";

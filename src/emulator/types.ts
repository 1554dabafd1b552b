// Graph's JSON shapes for the parts of `message` the emulator stores (subset of microsoft.graph.message).

export interface GraphEmailAddress {
  name?: string;
  address: string;
}

export interface GraphRecipient {
  emailAddress: GraphEmailAddress;
}

export interface GraphItemBody {
  contentType: "text" | "html";
  content: string;
}

export interface GraphHeader {
  name: string;
  value: string;
}

export interface GraphExtendedProperty {
  id: string;
  value: string;
}

export type FolderName = "inbox" | "sentitems" | "drafts" | "deleteditems";
export const FOLDER_NAMES: readonly FolderName[] = ["inbox", "sentitems", "drafts", "deleteditems"];

export const FOLDER_DISPLAY_NAMES: Record<FolderName, string> = {
  inbox: "Inbox",
  sentitems: "Sent Items",
  drafts: "Drafts",
  deleteditems: "Deleted Items",
};

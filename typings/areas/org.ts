import type { OrgNodeSummary, OrgNodeType, RoleName } from '../models';

export interface OrgNodeDetail extends OrgNodeSummary {
  /** Station fields (address, hours, contact), industry, home county and agreement, where relevant. */
  extra: Record<string, string | Record<string, string>>;
  closed: boolean;
  /** Branches directly under the node (支部、流动党员党支部). */
  branches: OrgNodeSummary[];
  /** Service stations directly under the node. */
  stations: (OrgNodeSummary & { address: string; openingHours: string; contactPhone: string })[];
}

/** A role held at a node, as the administrators of that node see it: never the holder's openid. */
export interface RoleHolder {
  /** Opaque: names the grant to revoke, and says nothing about the person. */
  grantId: string;
  name: string | null;
  role: RoleName;
  scopeId: string;
  scopeName: string;
  grantedAt: string;
}

/**
 * open → accepted (once, by the person who opened it) | revoked (by an administrator) | expired
 * (its time passed unopened). Only an open invitation can be accepted.
 */
export type InvitationState = 'open' | 'accepted' | 'revoked' | 'expired';

/** A one-time invitation to take a role at a node. */
export interface InvitationView {
  /** What the person is given (on a card, in a QR code, or read out): 8 letters and digits. */
  code: string;
  role: RoleName;
  scopeId: string;
  scopeName: string;
  /** Who it is meant for, as the administrator wrote it (a check for the person, not a lock). */
  forName: string;
  /** The administrator who made it, by name where known. */
  invitedBy: string;
  createdAt: string;
  expiresAt: string;
  state: InvitationState;
  acceptedName: string | null;
  acceptedAt: string | null;
  /** The mini-program page that accepts it, with the code: what a shared card opens. */
  path: string;
  /** A QR code (PNG data URL) to scan with 我的 → 接受邀请; '' once it can no longer be accepted. */
  qrImage: string;
}

/** Actions of the `org` function: the organisation tree, its administration and role grants. */
export interface OrgApi {
  /** Children of a node (or the top level when `parentId` is omitted), for cascading pickers. */
  children: {
    input: { parentId?: string; types?: OrgNodeSummary['type'][] };
    output: { items: OrgNodeSummary[] };
  };
  /** One node. */
  get: { input: { id: string }; output: OrgNodeSummary };
  /** A node with its branches and stations. */
  detail: { input: { id: string }; output: OrgNodeDetail };
  /** Administrators: add a node under one in their subtree. */
  addNode: {
    input: { parentId: string; type: OrgNodeType; name: string; extra?: Record<string, string> };
    output: OrgNodeSummary;
  };
  renameNode: { input: { id: string; name: string }; output: OrgNodeSummary };
  /** Close (not delete) a node with no open children and no active members. */
  closeNode: { input: { id: string; reason: string }; output: OrgNodeSummary };
  /** Withdraw a role held at a node in the caller's subtree. */
  revokeRole: { input: { scopeId: string; grantId: string }; output: { revoked: boolean } };
  /** Role holders at a node (administrators see their subtree's grants at that node). */
  listRoles: { input: { scopeId: string }; output: { items: RoleHolder[] } };
  /**
   * Roles are granted by invitation, never by typing an openid: an administrator invites someone
   * to be secretary of a branch or administrator of a node in their subtree; the person accepts
   * it while signed in. One use, expires after INVITATION_HOURS.
   */
  createInvitation: { input: { role: RoleName; scopeId: string; forName: string }; output: InvitationView };
  /** The invitations made at a node: open ones first, then the last used, revoked or expired. */
  listInvitations: { input: { scopeId: string }; output: { items: InvitationView[] } };
  revokeInvitation: { input: { code: string }; output: InvitationView };
  /** What the person who holds the code sees before accepting (any signed-in caller). */
  viewInvitation: {
    input: { code: string };
    output: { invitation: InvitationView; yourName: string | null; mayAccept: boolean; refusal: string | null };
  };
  /**
   * Take the role. A registered member is shown by their registered name; anyone else gives one.
   * Accepting twice changes nothing.
   */
  acceptInvitation: { input: { code: string; name?: string }; output: RoleHolder };
}

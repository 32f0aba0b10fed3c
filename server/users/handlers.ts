import { z } from 'zod';
import { COLLECTIONS } from '../../database/collections';
import { memberIdOf } from '../domain/ids';
import { loadAccess } from '../platform/access';
import { db } from '../platform/cloudbase';
import type { Handler } from '../platform/dispatch';

interface MemberNameDoc {
  _id: string;
  name?: string;
}

/** Who the caller is: roles and member record, for the home page. Two round trips, in parallel. */
export const whoami: Handler<'user', 'whoami'> = {
  input: z.object({}),
  async run(_input, { caller }) {
    const memberId = memberIdOf(caller.openid);
    const [access, memberRes] = await Promise.all([
      loadAccess(caller),
      db.collection(COLLECTIONS.members).doc(memberId).field({ name: true }).get(),
    ]);
    const member = (memberRes.data as MemberNameDoc[])[0];
    return {
      openid: caller.openid,
      isSuperAdmin: access.isSuperAdmin,
      roles: access.grants.map(({ role, scopeId, scopeName }) => ({ role, scopeId, scopeName })),
      memberId: member ? member._id : null,
      displayName: member?.name ?? null,
    };
  },
};

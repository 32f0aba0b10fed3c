import { OPENID_HEADER } from '../../emulator/server';
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../typings/api';
import type { Reply } from '../../typings/reply';
import { expectOk, startTestCloud, type TestCloud } from '../helpers/local-cloud';

// Issue "See every page", finding 1, done when: an administrator appoints a secretary in
// production without anyone typing or seeing an openid. Through the local host, with the deployed
// bundles, over HTTP as the mini-program calls it in local mode.
let t: TestCloud;
beforeAll(async () => {
  t = await startTestCloud({ bundles: true });
});
afterAll(() => t.close());

async function call<F extends FunctionName, A extends ActionName<F>>(
  name: F,
  action: A,
  input: ActionInput<F, A>,
  openid: string,
): Promise<Reply<ActionOutput<F, A>>> {
  const res = await fetch(`${t.cloud.url}/functions/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [OPENID_HEADER]: openid },
    body: JSON.stringify({ ...(input as object), action }),
  });
  return (await res.json()) as Reply<ActionOutput<F, A>>;
}

it('invite → forward the card → open it signed in → accept → the new secretary works; nobody else can use it', async () => {
  const admin = 'demo-admin';
  const newcomer = 'o-e2e-new-secretary';
  const scopeId = 'xm-siming-lianqian-mobile';
  const { code, path } = expectOk(
    await call('org', 'createInvitation', { role: 'secretary', scopeId, forName: '郑新书记' }, admin),
  );
  expect(path).toBe(`/pages-admin/accept/index?code=${code}`);

  // The card opens the accept page: what it shows, as the newcomer.
  const seen = expectOk(await call('org', 'viewInvitation', { code }, newcomer));
  expect(seen).toMatchObject({ mayAccept: true, invitation: { scopeName: '莲前街道流动党员党支部' } });

  const held = expectOk(await call('org', 'acceptInvitation', { code, name: '郑新书记' }, newcomer));
  expect(held).toMatchObject({ role: 'secretary', name: '郑新书记' });

  const me = expectOk(await call('user', 'whoami', {}, newcomer));
  expect(me.roles).toEqual([{ role: 'secretary', scopeId, scopeName: '莲前街道流动党员党支部' }]);
  expectOk(await call('user', 'todos', { branchId: scopeId }, newcomer));

  const roles = expectOk(await call('org', 'listRoles', { scopeId }, admin));
  expect(roles.items.map((r) => r.name)).toContain('郑新书记');
  expect(JSON.stringify(roles)).not.toContain(newcomer);

  const again = await call('org', 'acceptInvitation', { code, name: '冒名' }, 'o-e2e-someone-else');
  expect(again).toMatchObject({ ok: false, error: { code: 'FAILED_PRECONDITION' } });
});

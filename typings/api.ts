/**
 * The contract between the mini-program and the cloud functions: every function, its actions,
 * and each action's input and output. A call is `callFunction({ name, data: { action, ...input } })`.
 */
import type { MemberApi } from './areas/member';
import type { OrgApi } from './areas/org';
import type { UserApi } from './areas/user';
import type { SessionsApi } from './areas/sessions';
import type { DuesApi } from './areas/dues';
import type { PointsApi } from './areas/points';
import type { JobsApi } from './areas/jobs';
import type { DeskApi } from './areas/desk';

/** Every deployed function and its action map. */
export interface Api {
  user: UserApi;
  org: OrgApi;
  member: MemberApi;
  sessions: SessionsApi;
  dues: DuesApi;
  points: PointsApi;
  jobs: JobsApi;
  desk: DeskApi;
}

export type FunctionName = keyof Api;
export type ActionName<F extends FunctionName> = keyof Api[F] & string;
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: infer I;
}
  ? I
  : never;
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  output: infer O;
}
  ? O
  : never;

/** The event a function receives: the action name and its input, flattened. */
export type ActionEvent<F extends FunctionName, A extends ActionName<F>> = {
  action: A;
} & ActionInput<F, A>;

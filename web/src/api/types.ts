// Short names for the API's types, generated from openapi.json into schema.d.ts.
import type { components } from './schema';

type Schemas = components['schemas'];

export type Me = Schemas['MeView'];
export type User = Schemas['UserView'];
export type NewUser = Schemas['NewUser'];
export type UserPatch = Schemas['UserPatch'];
export type UserStatus = Schemas['UserStatus'];
export type Team = Schemas['TeamView'];
export type Department = Schemas['DepartmentView'];
export type Role = Schemas['RoleView'];
export type Dealer = Schemas['DealerView'];
export type Grant = Schemas['Grant'];
export type Permission = Schemas['Permission'];
export type PermissionInfo = Schemas['PermissionInfo'];
export type Scope = Schemas['Scope'];
export type Locale = Schemas['Locale'];
export type ApiToken = Schemas['ApiTokenView'];
export type CreatedApiToken = Schemas['CreatedApiToken'];
export type AuditEvent = Schemas['AuditEventView'];
export type Problem = Schemas['Problem'];
export type FieldError = Schemas['FieldError'];
export type ErrorCode = Schemas['ErrorCode'];

/** One page of a keyset-paginated list. */
export interface Page<T> {
  items: T[];
  next_cursor?: string | null;
}

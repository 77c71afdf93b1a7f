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

// Customers, vehicles, the catalog, imports and the dealer's lists.
export type Customer = Schemas['CustomerView'];
export type CustomerRow = Schemas['CustomerRow'];
export type CustomerPage = Schemas['CustomerPage'];
export type NewCustomer = Schemas['NewCustomer'];
export type CustomerPatch = Schemas['CustomerPatch'];
export type CustomerKind = Schemas['CustomerKind'];
export type Gender = Schemas['Gender'];
export type PhoneInput = Schemas['PhoneInput'];
export type PhoneView = Schemas['PhoneView'];
export type PhoneLabel = Schemas['PhoneLabel'];
export type AddressInput = Schemas['AddressInput'];
export type CompanionInput = Schemas['CompanionInput'];
export type CompanionView = Schemas['CompanionView'];
export type Relation = Schemas['Relation'];
export type ConsentChannel = Schemas['ConsentChannel'];
export type ConsentMethod = Schemas['ConsentMethod'];
export type ConsentView = Schemas['ConsentView'];
export type ConsentEvent = Schemas['ConsentEventView'];
export type ConsentInput = Schemas['ConsentInput'];
export type DuplicateCandidate = Schemas['DuplicateCandidate'];
export type DuplicateMatch = Schemas['DuplicateMatch'];
export type SearchHit = Schemas['SearchHit'];
export type MatchedOn = Schemas['MatchedOn'];
export type TimelineEntry = Schemas['TimelineEntry'];
export type MergeRequest = Schemas['MergeRequest'];
export type FieldChoice = Schemas['FieldChoice'];
export type BulkAction = Schemas['BulkAction'];
export type SavedView = Schemas['SavedViewView'];
export type Owner = Schemas['OwnerView'];
export type Vehicle = Schemas['VehicleView'];
export type VehicleInput = Schemas['VehicleInput'];
export type NewVehicle = Schemas['NewVehicle'];
export type VehiclePatch = Schemas['VehiclePatch'];
export type Mileage = Schemas['MileageView'];
export type MileageInput = Schemas['MileageInput'];
export type Ownership = Schemas['OwnershipView'];
export type TransferInput = Schemas['TransferInput'];
export type CatalogBrand = Schemas['BrandView'];
export type CatalogSeries = Schemas['SeriesView'];
export type CatalogModel = Schemas['ModelView'];
export type NewCatalogModel = Schemas['NewModel'];
export type CatalogModelPatch = Schemas['ModelPatch'];
export type BodyType = Schemas['BodyType'];
export type Powertrain = Schemas['Powertrain'];
export type Colour = Schemas['Colour'];
export type CatalogImportReport = Schemas['CatalogImportReport'];
export type PublishReport = Schemas['PublishReport'];
export type Lookup = Schemas['LookupView'];
export type LookupList = Schemas['LookupList'];
export type ImportView = Schemas['ImportView'];
export type ImportReport = Schemas['ImportReport'];
export type ImportOptions = Schemas['ImportOptions'];
export type ImportField = Schemas['ImportField'];
export type ImportMode = Schemas['ImportMode'];
export type OnDuplicate = Schemas['OnDuplicate'];
export type RowError = Schemas['RowError'];
export type SavedMapping = Schemas['SavedMapping'];

// Short names for the API's types, generated from openapi.json into schema.d.ts.
import type { components, paths } from './schema';

export type Schemas = components['schemas'];

export type Me = Schemas['MeView'];
export type User = Schemas['UserView'];
export type NewUser = Schemas['NewUser'];
export type UserPatch = Schemas['UserPatch'];
/** The orders the user list may be sorted in. */
export type UserSort = NonNullable<
  NonNullable<paths['/api/v1/users']['get']['parameters']['query']>['sort']
>;
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
export type AuditRef = Schemas['AuditRef'];
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

// Sales: leads, receptions, opportunities and the pipeline, test drives, settings and the report.

export type Grade = Schemas['Grade'];
/** The grades a consultant gives by judgement (H, A, B, C): what a follow-up or a reopening takes. */
export type JudgedGrade = Schemas['NewFollowUp']['grade'];
/** The grade a visit leaves a lead with: N or a judged grade. */
export type StartingGrade = Schemas['NewReception']['grade'];
export type LeadStatus = Schemas['LeadStatus'];
export type PaymentIntent = Schemas['PaymentIntent'];
export type Timeframe = Schemas['Timeframe'];
export type FollowUpChannel = Schemas['FollowUpChannel'];
export type AssignmentMode = Schemas['AssignmentMode'];
export type StagnationAction = Schemas['StagnationAction'];
export type StageKind = Schemas['StageKind'];
export type BookingStatus = Schemas['BookingStatus'];

export type Lead = Schemas['LeadView'];
export type LeadPage = Schemas['LeadPage'];
export type LeadDetail = Schemas['LeadDetail'];
export type LeadBoard = Schemas['LeadBoard'];
export type GradeColumn = Schemas['GradeColumn'];
export type GradeChange = Schemas['GradeChangeView'];
export type FollowUp = Schemas['FollowUpView'];
export type NewLead = Schemas['NewLead'];
export type LeadPatch = Schemas['LeadPatch'];
export type NewFollowUp = Schemas['NewFollowUp'];
export type LeadAssignment = Schemas['LeadAssignment'];
export type BulkAssign = Schemas['BulkAssign'];
export type LostInput = Schemas['LostInput'];
export type LostDecision = Schemas['LostDecision'];
export type ReopenInput = Schemas['ReopenInput'];
export type LostView = Schemas['LostView'];
export type CarRef = Schemas['CarRef'];
export type Reception = Schemas['ReceptionView'];
export type NewReception = Schemas['NewReception'];
export type ReceptionOutcome = Schemas['ReceptionOutcome'];
export type BulkReceptionOutcome = Schemas['BulkReceptionOutcome'];
export type BulkReceptionRow = Schemas['BulkReceptionRow'];
export type LookedAt = Schemas['LookedAt'];
export type VisitCompanion = Schemas['VisitCompanion'];
export type Opportunity = Schemas['OpportunityView'];
export type NewOpportunity = Schemas['NewOpportunity'];
export type OpportunityPatch = Schemas['OpportunityPatch'];
export type PipelineBoard = Schemas['PipelineBoard'];
export type BoardColumn = Schemas['BoardColumn'];
export type Funnel = Schemas['Funnel'];
export type FunnelStage = Schemas['FunnelStage'];
export type Stage = Schemas['StageView'];
export type NewStage = Schemas['NewStage'];
export type StagePatch = Schemas['StagePatch'];
export type StageChange = Schemas['StageChangeView'];
export type TestDriveCar = Schemas['TestDriveCarView'];
export type NewTestDriveCar = Schemas['NewTestDriveCar'];
export type TestDriveCarPatch = Schemas['TestDriveCarPatch'];
export type Booking = Schemas['BookingView'];
export type NewBooking = Schemas['NewBooking'];
export type BookingPatch = Schemas['BookingPatch'];
export type BookingCancel = Schemas['BookingCancel'];
export type DriveFeedback = Schemas['DriveFeedback'];
export type SalesSettings = Schemas['SalesSettingsView'];
export type SalesSettingsPatch = Schemas['SalesSettingsPatch'];
export type CadenceDays = Schemas['CadenceDays'];
export type AssignmentRule = Schemas['AssignmentRule'];
export type SalesReport = Schemas['SalesReport'];
export type ReportPeriod = Schemas['ReportPeriod'];
export type Figures = Schemas['Figures'];
export type Conversion = Schemas['Conversion'];
export type ConsultantRow = Schemas['ConsultantRow'];
export type TeamRow = Schemas['TeamRow'];
export type CountBy = Schemas['CountBy'];

/** A booking in the way of a new time, from a 409 `schedule_conflict`. */
export interface ScheduleClash {
  id: string;
  starts_at: string;
  ends_at: string;
}

// Short names for the complaint desk's API types (投诉), generated from openapi.json.
import type { Schemas } from '@/api/types';

export type ComplaintView = Schemas['ComplaintView'];
export type ComplaintDetail = Schemas['ComplaintDetail'];
export type ComplaintPage = Schemas['ComplaintPage'];
export type ComplaintStep = Schemas['ComplaintStep'];
export type ComplaintEscalation = Schemas['ComplaintEscalationView'];
export type ComplaintStatus = Schemas['ComplaintStatus'];
export type ComplaintSource = Schemas['ComplaintSource'];
export type ComplaintCategory = Schemas['ComplaintCategory'];
export type Severity = Schemas['Severity'];
export type SlaState = Schemas['SlaState'];
export type SlaClock = Schemas['SlaClock'];
export type EscalationStep = Schemas['EscalationStep'];
export type SlaBoard = Schemas['SlaBoard'];
export type NewComplaint = Schemas['NewComplaint'];
export type ComplaintNote = Schemas['ComplaintNote'];
export type ComplaintAssignment = Schemas['ComplaintAssignment'];
export type ComplaintResolution = Schemas['ComplaintResolution'];
export type ComplaintVerification = Schemas['ComplaintVerification'];
export type CareSettings = Schemas['CareSettingsView'];
export type CareSettingsPatch = Schemas['CareSettingsPatch'];
export type CalendarDay = Schemas['CalendarDay'];
export type SlaTarget = Schemas['SlaTarget'];

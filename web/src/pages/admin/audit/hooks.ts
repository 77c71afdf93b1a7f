// The audit log's vocabulary: record types and the verbs recorded for them (the API itself:
// `@/lib/audit`). vocabulary.json stays here: a server test reads it by this path.
import vocabulary from './vocabulary.json';

/** Record types and the verbs recorded for them, for the filters and the labels. */
export const AUDIT_ACTIONS: Record<string, readonly string[]> = vocabulary.actions;

// One way to report a failed request: field errors next to their fields, a 409 to the page's
// conflict handler, everything else as a message in the user's language.
import { App, type FormInstance } from 'antd';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { formFieldErrors, isConflict, isUnauthenticated, problemMessage } from '@/api/problem';

export interface ErrorHandlingOptions {
  form?: FormInstance;
  /** The form's field names; field errors for other names are shown as a message. */
  fields?: readonly string[];
  onConflict?: () => void;
}

export function useApiErrorHandler() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useCallback(
    (error: unknown, options: ErrorHandlingOptions = {}) => {
      if (isUnauthenticated(error)) return; // the session provider sends the user to login
      if (isConflict(error) && options.onConflict) {
        options.onConflict();
        return;
      }
      if (options.form) {
        const { fields, other } = formFieldErrors(t, error, options.fields);
        if (fields.length > 0) {
          options.form.setFields(fields);
          for (const text of other) void message.error(text);
          return;
        }
        if (other.length > 0) {
          for (const text of other) void message.error(text);
          return;
        }
      }
      void message.error(problemMessage(t, error));
    },
    [t, message],
  );
}

// The customer file's query key, shared by the customer pages and the parts elsewhere that
// change a customer's file (a car registered from the quote builder).
export const CUSTOMERS_KEY = ['customers'] as const;

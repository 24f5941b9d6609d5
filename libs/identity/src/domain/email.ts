/** Emails are compared and stored lowercased, so `Ann@x.org` and `ann@x.org` are one account. */
export const normalizeEmail = (email: string): string => email.trim().toLowerCase();

/** What the identity context records in the audit log (it publishes no outbox events). */
export const AUTH_REGISTERED = 'auth.register';
export const AUTH_LOGGED_IN = 'auth.login';
export const AUTH_LOGIN_FAILED = 'auth.login_failed';
/** A session opened without the password, by a caller that proved its right otherwise (the sandbox key). */
export const AUTH_SIGNED_IN_WITHOUT_PASSWORD = 'auth.sign_in_without_password';
export const USER_ROLE_GRANTED = 'user.role_granted';
export const USER_PASSWORD_SET = 'user.password_set';

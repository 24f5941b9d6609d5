/** What the identity context records in the audit log (it publishes no outbox events). */
export const AUTH_REGISTERED = 'auth.register';
export const AUTH_LOGGED_IN = 'auth.login';
export const AUTH_LOGIN_FAILED = 'auth.login_failed';
export const USER_ROLE_GRANTED = 'user.role_granted';
export const USER_PASSWORD_SET = 'user.password_set';

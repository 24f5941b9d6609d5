// The HTTP layer is a second entry point (@app/policy/http), imported by the api only: it needs
// identity's @Roles, while policy sits below identity.
export { PolicyHttpModule } from './policy-http.module.js';

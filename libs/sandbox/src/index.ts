export { SandboxModule } from './sandbox.module.js';
export { SandboxKeyGuard } from './http/sandbox-key.guard.js';
export { SandboxRoutes } from './http/sandbox-routes.decorator.js';

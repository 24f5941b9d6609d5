// Like `--import @swc-node/register/esm-register`, but resolved from the repository instead of
// the working directory, so a test can start an entry point from an empty directory.
import { register } from 'node:module';

register('@swc-node/register/esm', import.meta.url);

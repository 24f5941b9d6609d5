// The policy's pure domain file, not @app/policy: the lib's index loads Nest and TypeORM (about
// two seconds), which `sim list`, `--help` and a scenario check do not need.
export { PROFILE_NAMES, type ProfileName } from '../../../../libs/policy/src/domain/policy.js';

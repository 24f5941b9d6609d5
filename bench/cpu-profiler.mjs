// Preloaded (`--import`) into a child process the bench wants to profile, which it starts with an
// IPC channel: the message 'cpu-profile:start' starts V8's CPU profiler, 'cpu-profile:stop' writes
// the profile to CPU_PROFILE_FILE and answers 'cpu-profile:written'. Not Node's `--cpu-prof`: it
// writes only on a normal exit, and the api ends on SIGTERM by re-raising it. Not a signal: Nest's
// shutdown hooks take SIGUSR2 (and most others) as a request to stop.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';

const file = process.env.CPU_PROFILE_FILE;
if (!file || !process.send) throw new Error('bench/cpu-profiler.mjs needs CPU_PROFILE_FILE and an IPC channel');

const session = new Session();
session.connect();
// The channel must not keep a process alive that would otherwise end.
process.channel?.unref();
process.on('message', async (message) => {
  if (message === 'cpu-profile:start') {
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  } else if (message === 'cpu-profile:stop') {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(file, JSON.stringify(profile));
    process.send('cpu-profile:written');
  }
});

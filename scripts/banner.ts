// Waits until the api is ready, then prints where everything is and how to log in.
import { loadConfig } from '@app/config';
import { demoLogins } from '@app/demo-town';

const config = loadConfig();
const base = config.http.publicUrl;
const deadline = Date.now() + 60_000;

async function ready(): Promise<boolean> {
  try {
    return (await fetch(`${base}/health/ready`)).ok;
  } catch {
    return false;
  }
}

while (!(await ready())) {
  if (Date.now() > deadline) {
    process.stderr.write(`[start] the api did not become ready at ${base}/health/ready within 60 s\n`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
}

const rows = demoLogins(config).map((login) => `    ${login.role.padEnd(13)} ${login.email.padEnd(32)} ${login.password}`);
process.stdout.write(
  [
    '',
    '  Porchlight is running',
    // The key rides in the fragment, which browsers never send: the console keeps it for the tab.
    config.sandboxEnabled
      ? `    Console   ${base}/#sandbox=${encodeURIComponent(config.sandbox.key!)}   (classroom console: lessons, every role one click away)`
      : `    Console   ${base}/   (classroom console: the policies side by side; set SANDBOX_KEY for lessons and roles)`,
    `    API       ${base}/api`,
    `    Docs      ${base}/docs`,
    `    Worker    http://127.0.0.1:${config.http.workerHealthPort}/health`,
    `    Queues    ${base}/admin/queues?token=<admin accessToken>   (Bull Board, admins only)`,
    `    Realtime  ${base}/realtime   (socket.io, auth: { token })`,
    ...(config.sandboxEnabled ? [`    Sandbox   X-Sandbox-Key: ${config.sandbox.key}`] : []),
    '',
    '  Demo logins (POST /api/auth/login {email, password})',
    ...rows,
    '',
    '  Ctrl-C stops both processes.',
    '',
  ].join('\n') + '\n',
);

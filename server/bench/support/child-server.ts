import { fork } from 'node:child_process';

/**
 * Benchmarks serve from a child process so the load generator never shares the server's event loop.
 * The parent forks a bench script in a "serve" mode; the child starts its server and calls reportReady.
 * The parent may then send the child named commands (e.g. start and stop a CPU profile) and await their answers.
 */

export interface ChildServer<Info> {
  info: Info;
  command(name: string): Promise<unknown>;
  /** SIGTERM, then waits for the child to exit. */
  stop(): Promise<void>;
}

type CommandMessage = { command: string };
type AnswerMessage = { command: string; answer?: unknown; error?: string };

export async function forkServer<Info>(
  script: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv } = {},
): Promise<ChildServer<Info>> {
  const child = fork(script, args, {
    env: { ...process.env, ...options.env },
    execArgv: [],
    // The server's request log goes nowhere, as it would to a log file; errors still reach the terminal.
    stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const info = await new Promise<Info>((resolve, reject) => {
    child.once('message', (message) => resolve(message as Info));
    child.once('exit', (code) => reject(new Error(`bench server (${args.join(' ')}) exited with ${code} before it was ready`)));
  });
  return {
    info,
    command(name) {
      return new Promise((resolve, reject) => {
        const onMessage = (message: AnswerMessage) => {
          if (message.command !== name) return;
          child.off('message', onMessage);
          if (message.error) reject(new Error(`bench server: ${name} failed: ${message.error}`));
          else resolve(message.answer);
        };
        child.on('message', onMessage);
        child.send({ command: name } satisfies CommandMessage);
      });
    },
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Child side: tells the parent the server is listening, answers its commands, closes cleanly on SIGTERM. */
export function reportReady<Info>(
  info: Info,
  close: () => Promise<unknown>,
  commands: Record<string, () => Promise<unknown>> = {},
): void {
  const closeAndExit = () => {
    close().finally(() => process.exit(0));
  };
  process.once('SIGTERM', closeAndExit);
  // The parent died without stopping us: do not linger as an orphan holding a port and a database.
  process.once('disconnect', closeAndExit);
  const builtIn: Record<string, () => Promise<unknown>> = {
    // CPU time the server has used so far (user + system, ms): the parent takes differences around a run.
    'cpu-usage': async () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1000;
    },
  };
  process.on('message', (message: CommandMessage) => {
    const run = commands[message.command] ?? builtIn[message.command];
    if (!run) {
      process.send?.({ command: message.command, error: 'unknown command' } satisfies AnswerMessage);
      return;
    }
    run().then(
      (answer) => process.send?.({ command: message.command, answer } satisfies AnswerMessage),
      (error: unknown) => process.send?.({ command: message.command, error: String(error) } satisfies AnswerMessage),
    );
  });
  process.send?.(info);
}

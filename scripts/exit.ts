/**
 * Exits once everything written to stdout and stderr has been flushed. `process.exit` right after a large
 * `console.log` cuts piped output short (Node writes to pipes asynchronously), which truncates `--json`.
 */
export function exitAfterFlush(code: number): void {
  let pending = 2;
  const done = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  process.stdout.write('', done);
  process.stderr.write('', done);
}

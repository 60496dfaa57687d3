/** Poll `check` every `everyMs` until it holds, at most `tries` times; resolves to the last verdict. */
export async function until(
  check: () => boolean | Promise<boolean>,
  tries = 300,
  everyMs = 10,
): Promise<boolean> {
  for (let i = 0; i < tries; i++) {
    if (await check()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return check();
}

/** Is a process with this pid still there? */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

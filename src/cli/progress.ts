// A spinner with elapsed time on stderr, only when stderr is a terminal, so long analyses show
// life without polluting pipes or CI logs.
const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress {
  stop(): void;
}

export function startProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return { stop() {} };
  const started = Date.now();
  let frame = 0;
  let shown = false;
  // Wait a little before drawing: fast analyses finish without any flicker.
  const timer = setInterval(() => {
    shown = true;
    const secs = ((Date.now() - started) / 1000).toFixed(1);
    stream.write(`\r${FRAMES[frame++ % FRAMES.length]} ${label} ${secs} s`);
  }, 120);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      if (shown) stream.write('\r\x1b[K');
    },
  };
}

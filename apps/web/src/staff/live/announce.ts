// How a spoed melding makes itself noticed beyond the banner: a short tone and a vibration, where the
// device allows. Neither needs an asset; both fail silently (a muted device, a desktop without a motor).

let audio: AudioContext | undefined;

/** Two short beeps (WebAudio). Browsers allow sound once the officer interacted with the page. */
export function beep(): void {
  try {
    audio ??= new AudioContext();
    const ctx = audio;
    if (ctx.state === 'suspended') void ctx.resume();
    for (const start of [0, 0.25]) {
      const osc = ctx.createOscillator();
      const gain = ctx.createGain();
      osc.type = 'sine';
      osc.frequency.value = 880;
      gain.gain.setValueAtTime(0.2, ctx.currentTime + start);
      gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + start + 0.18);
      osc.connect(gain).connect(ctx.destination);
      osc.start(ctx.currentTime + start);
      osc.stop(ctx.currentTime + start + 0.2);
    }
  } catch {
    // no audio on this device
  }
}

/** A short pattern on phones that vibrate; a no-op elsewhere (and on iOS Safari, which has no API). */
export function vibrate(): void {
  try {
    if (typeof navigator.vibrate === 'function') navigator.vibrate([200, 100, 200]);
  } catch {
    // not allowed (no user interaction yet, or a frame)
  }
}

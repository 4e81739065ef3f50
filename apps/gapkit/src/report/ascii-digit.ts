/** Renders a grayscale image (0..255 or 0..1) as ASCII art, two characters per pixel column pair. */
const RAMP = ' .:-=+*#%@';

export function asciiImage(pixels: ArrayLike<number>, width: number, height: number, scale = 255, step = 2): string[] {
  const lines: string[] = [];
  for (let y = 0; y < height; y += step) {
    let line = '';
    for (let x = 0; x < width; x++) {
      let v = 0;
      for (let dy = 0; dy < step && y + dy < height; dy++) v = Math.max(v, pixels[(y + dy) * width + x]);
      line += RAMP[Math.min(RAMP.length - 1, Math.floor((v / scale) * RAMP.length))];
    }
    lines.push(line);
  }
  return lines;
}

/** Mirroring an image left–right in place (every row of every channel reversed). */
export function flipHorizontal(data: Float32Array, offset: number, shape: { channels: number; height: number; width: number }): void {
  const { channels, height, width } = shape;
  for (let r = 0; r < channels * height; r++) {
    const row = offset + r * width;
    for (let a = row, b = row + width - 1; a < b; a++, b--) {
      const t = data[a];
      data[a] = data[b];
      data[b] = t;
    }
  }
}

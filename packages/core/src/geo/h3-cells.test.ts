import { cellToParent, getResolution, isValidCell } from 'h3-js';
import { describe, expect, it } from 'vitest';
import { H3_RESOLUTIONS, h3Cells } from './h3-cells.ts';

describe('h3Cells', () => {
  it('computes the known cell for Soest centrum at resolution 9', () => {
    expect(h3Cells(52.1733, 5.2917).r9).toBe('8919691890bffff');
  });

  it('returns a valid cell per stored resolution, each inside the coarser one', () => {
    const cells = h3Cells(52.117, 5.285);
    expect(H3_RESOLUTIONS).toEqual([7, 8, 9, 10]);
    for (const res of H3_RESOLUTIONS) {
      const cell = cells[`r${res}`];
      expect(isValidCell(cell)).toBe(true);
      expect(getResolution(cell)).toBe(res);
      if (res > 7) expect(cellToParent(cell, 7)).toBe(cells.r7);
    }
  });
});

import { describe, expect, it } from 'vitest';
import type { ProcessColours } from '@anjian/domain';
import { splitReadings, thresholdMarkLines, valueExtent, type ReadingTuple } from './trend-series.ts';

const colours: ProcessColours = { HH: 'orange', H: 'yellow', L: 'blue', LL: 'yellow' };

describe('splitReadings', () => {
  it('keeps good readings on the line, greys flagged ones and leaves a gap for NaN', () => {
    const readings: ReadingTuple[] = [
      [1000, 10, 0],
      [2000, null, 1],
      [3000, 250, 4],
      [4000, 11, 2],
      [5000, 12, 0],
    ];
    expect(splitReadings(readings)).toEqual({
      line: [
        [1000, 10],
        [2000, null],
        [5000, 12],
      ],
      flagged: [
        [3000, 250],
        [4000, 11],
      ],
    });
  });
});

describe('thresholdMarkLines', () => {
  it('draws process set points in their colours, HH and LL solid', () => {
    const lines = thresholdMarkLines(
      { scheme: 'process', HH: { value: 50 }, H: { value: 25 }, L: { value: 5, colour: 'red' } },
      colours,
    );
    expect(lines.map((l) => [l.name, l.yAxis, l.lineStyle.color, l.lineStyle.type])).toEqual([
      ['HH 50', 50, '#f5811f', 'solid'],
      ['H 25', 25, '#f2c811', 'dashed'],
      ['L 5', 5, '#e0252b', 'dashed'],
    ]);
  });

  it('draws graded tailings limits red first, each in its own colour, with a custom label', () => {
    const lines = thresholdMarkLines(
      { scheme: 'graded', side: 'low', blue: 70, yellow: 60, red: 40 },
      colours,
      (step) => `${step.level}:${step.value}m`,
    );
    expect(lines.map((l) => [l.label.formatter, l.lineStyle.color])).toEqual([
      ['red:40m', '#e0252b'],
      ['yellow:60m', '#f2c811'],
      ['blue:70m', '#1e6fd9'],
    ]);
  });

  it('draws nothing without thresholds', () => {
    expect(thresholdMarkLines(null, colours)).toEqual([]);
    expect(thresholdMarkLines({ scheme: 'process' }, colours)).toEqual([]);
  });
});

describe('valueExtent', () => {
  it('spans readings and thresholds with 5 % head-room', () => {
    const series = splitReadings([
      [1, 20, 0],
      [2, 30, 0],
    ]);
    const lines = thresholdMarkLines({ scheme: 'process', H: { value: 120 } }, colours);
    expect(valueExtent(series, lines)).toEqual({ min: 15, max: 125 });
  });

  it('widens a single value and is null with nothing to show', () => {
    expect(valueExtent(splitReadings([[1, 0, 0]]), [])).toEqual({ min: -1, max: 1 });
    expect(valueExtent(splitReadings([[1, null, 1]]), [])).toBeNull();
  });
});

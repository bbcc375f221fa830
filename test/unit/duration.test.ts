// parseDuration / formatDuration: the durations post-mortems write, read into minutes and written back
// in the style of a sample (a later issue fills the metrics with them).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { durationResolution, formatDuration, parseDuration } from '../../src/core/postmortem/duration';

describe('parseDuration', () => {
  const read: [string, number][] = [
    ['1 hour 52 minutes', 112],
    ['1 h 52 min', 112],
    ['112 minutes', 112],
    ['2h', 120],
    ['45m', 45],
    ['1h52m', 112],
    ['1 hour, 52 minutes', 112],
    ['1 hour and 52 minutes', 112],
    ['1 Hour 1 Minute', 61],
    ['1 hr 5 mins', 65],
    ['90 min.', 90],
    ['1.5 hours', 90],
    ['2 days 3 hours', 3060],
    ['1m 30s', 1.5],
    ['0 minutes', 0],
    ['  11 minutes  ', 11],
    ['PT1H52M', 112],
    ['pt45m', 45],
    ['P1DT2H', 1560],
  ];
  for (const [text, minutes] of read) it(`reads ${JSON.stringify(text)} as ${minutes} minutes`, () => assert.equal(parseDuration(text), minutes));

  const notDurations = ['', '45', 'about 2h', '~2 hours', 'two hours', '5 minutes 2 hours', '1h 1h', '2 hours and', '1 Stunde', '1:52', 'P', 'PT', 'P1M', 'h', '-5 minutes'];
  for (const text of notDurations) it(`rejects ${JSON.stringify(text)}`, () => assert.equal(parseDuration(text), undefined));
});

describe('formatDuration', () => {
  const written: [number, string | undefined, string][] = [
    [112, undefined, '1 hour 52 minutes'],
    [11, undefined, '11 minutes'],
    [1, undefined, '1 minute'],
    [60, undefined, '1 hour'],
    [120, undefined, '2 hours'],
    [0, undefined, '0 minutes'],
    [59.6, undefined, '1 hour'],
    [125, '1 h 52 min', '2 h 5 min'],
    [125, '45m', '2h 5m'],
    [125, '1h52m', '2h5m'],
    [125, '1 hour, 52 minutes', '2 hours, 5 minutes'],
    [61, '1 hour and 52 minutes', '1 hour and 1 minute'],
    [125, '112 minutes', '125 minutes'],
    [125, '45 minutes', '2 hours 5 minutes'],
    [65, '1 hr 5 mins', '1 hr 5 mins'],
    [3000, '2 days 3 hours', '2 days 2 hours'],
    [1.5, '1m 30s', '1m 30s'],
    [112, 'not a duration', '1 hour 52 minutes'],
    [86, '2 h', '1 h 26 min'],
    [86, '5 m', '1 h 26 m'],
    [86, '2h', '1h 26m'],
  ];
  for (const [minutes, sample, text] of written) {
    it(`writes ${minutes} minutes${sample ? ` like ${JSON.stringify(sample)}` : ''} as ${JSON.stringify(text)}`, () =>
      assert.equal(formatDuration(minutes, sample), text));
  }

  it('reads back what it writes, in every style', () => {
    const samples = [undefined, '1 h 52 min', '45m', '1 hour, 52 minutes', '112 minutes', '1 hr 5 mins'];
    for (const sample of samples) {
      for (const minutes of [0, 1, 59, 60, 61, 112, 1439, 1441, 10_000]) {
        assert.equal(parseDuration(formatDuration(minutes, sample)), minutes, `${minutes} like ${sample}`);
      }
    }
  });

  it('writes nothing for a number that is not a duration', () => {
    assert.equal(formatDuration(Number.NaN), '');
    assert.equal(formatDuration(Number.POSITIVE_INFINITY), '');
  });
});

describe('durationResolution', () => {
  it('is a second when the duration writes seconds, else a minute', () => {
    assert.equal(durationResolution('33 minutes'), 1);
    assert.equal(durationResolution('2 hours'), 1);
    assert.equal(durationResolution('33 minutes 10 seconds'), 1 / 60);
    assert.equal(durationResolution('1m 30s'), 1 / 60);
    assert.equal(durationResolution('PT33M10S'), 1 / 60);
    assert.equal(durationResolution('PT33M'), 1);
    assert.equal(durationResolution('not a duration'), 1);
  });
});

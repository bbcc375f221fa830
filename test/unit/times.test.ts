// Time values as post-mortems write them (parseTimeValue's formats, precision) and the one calendar
// of the core: real dates, day numbers, and the metadata `date` format that uses the same calendar.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metadataFormats } from '../../src/core/postmortem/metadataFormats';
import { dayNumber, daysInMonth, isCalendarDate, isLeapYear, parseIsoDate, parseTimeValue, readTimeValue } from '../../src/core/postmortem/times';

describe('parseTimeValue', () => {
  it('reads a time of day, with or without seconds', () => {
    assert.deepEqual(parseTimeValue('14:32'), { date: undefined, hour: 14, minute: 32, second: 0, precision: 'minute', utcOffset: undefined });
    assert.deepEqual(parseTimeValue('9:05'), { date: undefined, hour: 9, minute: 5, second: 0, precision: 'minute', utcOffset: undefined });
    assert.deepEqual(parseTimeValue(' 23:59:58 '), { date: undefined, hour: 23, minute: 59, second: 58, precision: 'second', utcOffset: undefined });
  });

  it('reads a date and a time separated by any run of blanks', () => {
    const expected = { date: { year: 2021, month: 12, day: 10 }, hour: 15, minute: 40, second: 0, precision: 'minute', utcOffset: undefined };
    assert.deepEqual(parseTimeValue('2021-12-10 15:40'), expected);
    assert.deepEqual(parseTimeValue('2021-12-10   15:40'), expected);
    assert.deepEqual(parseTimeValue('2021-12-10\t15:40'), expected);
    assert.equal(parseTimeValue('2021-12-10 15:40:09')?.precision, 'second');
  });

  it('reads ISO 8601 with T, Z and offsets', () => {
    assert.deepEqual(parseTimeValue('2026-03-14T09:05Z'), { date: { year: 2026, month: 3, day: 14 }, hour: 9, minute: 5, second: 0, precision: 'minute', utcOffset: 0 });
    assert.equal(parseTimeValue('2026-03-14T09:05:30+02:00')?.utcOffset, 120);
    assert.equal(parseTimeValue('2026-03-14T09:05:30.250-0530')?.utcOffset, -330);
    assert.equal(parseTimeValue('2026-03-14T09:05+01')?.utcOffset, 60);
    assert.equal(parseTimeValue('2026-03-14 09:05 UTC')?.utcOffset, 0);
    assert.equal(parseTimeValue('2026-03-14T09:05:30.250Z')?.second, 30);
    assert.equal(parseTimeValue('2026-03-14T09:05+25:00'), undefined);
  });

  it('reads a date alone at day precision', () => {
    assert.deepEqual(parseTimeValue('2021-12-17'), { date: { year: 2021, month: 12, day: 17 }, hour: 0, minute: 0, second: 0, precision: 'day', utcOffset: undefined });
  });

  it('reads a known date with an unknown time at day precision, and a known hour at hour precision', () => {
    assert.equal(parseTimeValue('2019-12-03 --:--')?.precision, 'day');
    assert.deepEqual(parseTimeValue('2019-12-03 --:--')?.date, { year: 2019, month: 12, day: 3 });
    assert.equal(parseTimeValue('2024-03-13 14:??')?.precision, 'hour');
    assert.equal(parseTimeValue('2024-03-13 14:??')?.hour, 14);
    assert.equal(parseTimeValue('14:--')?.precision, 'hour');
    assert.equal(readTimeValue('--:--'), 'unknown');
    assert.equal(readTimeValue('??:??'), 'unknown');
  });

  it('accepts only real calendar dates', () => {
    assert.equal(readTimeValue('2026-02-30 10:00'), 'not-a-date');
    assert.equal(readTimeValue('2025-02-29'), 'not-a-date');
    assert.equal(readTimeValue('2026-13-01'), 'not-a-date');
    assert.equal(readTimeValue('2026-04-31'), 'not-a-date');
    assert.equal(parseTimeValue('2024-02-29')?.precision, 'day');
    assert.equal(parseTimeValue('2000-02-29')?.precision, 'day');
    assert.equal(readTimeValue('1900-02-29'), 'not-a-date');
  });

  it('accepts only real times of day', () => {
    assert.equal(readTimeValue('24:00'), 'not-a-time');
    assert.equal(readTimeValue('10:60'), 'not-a-time');
    assert.equal(readTimeValue('10:00:60'), 'not-a-time');
  });

  it('rejects placeholders and other writing with the reason', () => {
    assert.equal(readTimeValue(''), 'empty');
    assert.equal(readTimeValue('   '), 'empty');
    assert.equal(readTimeValue('HH:MM'), 'format');
    assert.equal(readTimeValue('2024-03-13 HH:mm'), 'format');
    assert.equal(readTimeValue('10am'), 'format');
    assert.equal(readTimeValue('1:46 PM'), 'format');
    assert.equal(readTimeValue('2026/03/14 10:00'), 'format');
    assert.equal(readTimeValue('[14:32]'), 'format');
    assert.equal(readTimeValue('14:?? :30'), 'format');
  });

  it('parseIsoDate takes exactly YYYY-MM-DD of a real date', () => {
    assert.deepEqual(parseIsoDate('2026-03-20'), { year: 2026, month: 3, day: 20 });
    assert.equal(parseIsoDate('2026-02-30'), undefined);
    assert.equal(parseIsoDate('2026-03-20 10:00'), undefined);
    assert.equal(parseIsoDate('20.03.2026'), undefined);
  });

  it('dayNumber counts days since 1970-01-01 like Date.UTC', () => {
    for (const [y, m, d] of [[1970, 1, 1], [2000, 2, 29], [2000, 3, 1], [2021, 12, 31], [1969, 12, 31], [2400, 2, 29]] as const) {
      assert.equal(dayNumber({ year: y, month: m, day: d }), Date.UTC(y, m - 1, d) / 86_400_000, `${y}-${m}-${d}`);
    }
  });
});

describe('the calendar', () => {
  const pad = (n: number, w: number) => String(n).padStart(w, '0');

  it('parseIsoDate, isCalendarDate, readTimeValue and the metadata `date` format agree on every day from 1899 to 2401', () => {
    for (let year = 1899; year <= 2401; year++) {
      for (let month = 1; month <= 12; month++) {
        for (let day = 1; day <= 32; day++) {
          const text = `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
          const exists = new Date(Date.UTC(year, month - 1, day)).getUTCMonth() === month - 1;
          assert.equal(parseIsoDate(text) !== undefined, exists, text);
          assert.equal(isCalendarDate(text), exists, text);
          assert.equal(metadataFormats['date']?.(text), exists, text);
          assert.equal(readTimeValue(text) !== 'not-a-date', exists, text);
        }
      }
    }
  });

  it('has no year 0: parseIsoDate and the metadata `date` format both refuse 0000-01-01 (they disagreed)', () => {
    assert.equal(parseIsoDate('0000-01-01'), undefined);
    assert.equal(isCalendarDate('0000-01-01'), false);
    assert.equal(metadataFormats['date']?.('0000-01-01'), false);
    assert.equal(isCalendarDate('0001-01-01'), true);
  });

  it('isCalendarDate wants exactly YYYY-MM-DD; parseIsoDate allows blanks around it', () => {
    assert.equal(isCalendarDate(' 2026-02-14'), false);
    assert.deepEqual(parseIsoDate(' 2026-02-14 '), { year: 2026, month: 2, day: 14 });
  });

  it('isLeapYear and daysInMonth follow the Gregorian rules', () => {
    assert.deepEqual([1900, 2000, 2024, 2026].map(isLeapYear), [false, true, true, false]);
    assert.deepEqual([1, 2, 4, 12].map((m) => daysInMonth(2024, m)), [31, 29, 30, 31]);
  });
});

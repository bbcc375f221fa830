// Time values as post-mortems write them (parseTimeValue's formats, precision) and the one calendar
// of the core: real dates, day numbers, and the metadata `date` format that uses the same calendar.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { metadataFormats } from '../../src/core/postmortem/metadataFormats';
import { dayNumber, daysInMonth, isCalendarDate, isLeapYear, parseIsoDate, parseTimeValue, readTimeValue } from '../../src/core/postmortem/times';
import { dateNamed, isDatePlaceholder, readEntryTime, zoneNamed } from '../../src/core/postmortem/entryTimes';

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

describe('readEntryTime: the time at the start of a written timeline entry', () => {
  const read = (text: string) => readEntryTime(text);
  it('reads a time of day bare, in brackets or bold, with its zone and where the event starts', () => {
    assert.deepEqual(read('[14:32] text')?.clock, { hour: 14, minute: 32, second: 0, precision: 'minute' });
    const bold = read('**21:45 UTC** - Deploy');
    assert.equal(bold?.utcOffset, 0);
    assert.equal('**21:45 UTC** - Deploy'.slice(bold?.eventStart), 'Deploy');
    assert.equal('14:44 - text'.slice(read('14:44 - text')?.eventStart), 'text');
    assert.equal(read('9:05: I looked')?.clock?.hour, 9);
  });

  it('reads AM/PM, and reports a 24-hour time with AM as a contradiction', () => {
    assert.equal(read('12:45 PM DATE: Thing')?.clock?.hour, 12);
    assert.equal(read('12:00 AM: midnight')?.clock?.hour, 0);
    assert.equal(read('6:48AM PDT, the chain')?.clock?.hour, 6);
    assert.equal(read('9:40 PM - recovery')?.clock?.hour, 21);
    assert.equal(read('13:55 PM PST: alarms')?.clock?.hour, 13, 'PM after a 24-hour time says it twice');
    assert.equal(read('23:00 AM MST: empty')?.problem, 'meridiem');
  });

  it('reads dates before or after the time, with month names and ordinals, with or without a year', () => {
    assert.deepEqual(read('**June 14th, 2022, 10:00 AM:** As part')?.date, { year: 2022, month: 6, day: 14 });
    assert.deepEqual(read('12:45 PM PST Saturday Oct 30th: First wave')?.date, { year: undefined, month: 10, day: 30 });
    assert.deepEqual(read('[03-26 02:50] reported')?.date, { year: undefined, month: 3, day: 26 });
    assert.deepEqual(read('2019-02-08 10:14 text')?.date, { year: 2019, month: 2, day: 8 });
    assert.equal(read('- 2021-08-17: Report'.slice(2))?.clock, undefined);
    assert.equal(read('2021-02-30 10:00 x')?.problem, 'not-a-date');
    assert.equal(read('25:10 bad')?.problem, 'not-a-time');
  });

  it('reads a range end and a second time in parentheses', () => {
    const range = read('14:20-2:00 Through the next two hours');
    assert.equal(range?.rangeEnd?.text, '2:00');
    assert.equal(read('14:20 - 16:20 Testing')?.rangeEnd?.clock.hour, 16);
    const alt = read('12:48 (6:48 PDT): The last block');
    assert.equal(alt?.alternate?.text, '6:48 PDT');
    assert.equal(alt?.alternate?.utcOffset, -420);
    assert.equal('12:48 (6:48 PDT): The last block'.slice(alt?.eventStart), 'The last block');
  });

  it('takes deliberate unknowns as unknown, and text that does not start with a time as no entry', () => {
    assert.equal(read('[???] Someone restarted hook')?.problem, 'unknown');
    assert.equal(read('--:-- quota approved')?.problem, 'unknown');
    assert.equal(read('14:?? scaled down')?.clock?.precision, 'hour');
    for (const text of ['...', '**Duration:** 21:45 to 23:28 UTC', 'Monitoring was down', '[Sen Lu] hi', '3 people joined', 'At 14:09 UTC the node', '12:30abc']) {
      assert.equal(read(text), undefined, text);
    }
  });

  it('reads zones and dates named in notes and headings, and date placeholders', () => {
    assert.deepEqual(zoneNamed('Timeline (UTC) All Times Approximate'), { zone: 'UTC', utcOffset: 0 });
    assert.equal(zoneNamed('All times in PDT (UTC-7).')?.utcOffset, -420);
    assert.equal(zoneNamed('All times in Pacific Time'), undefined, 'a seasonal zone in words has no offset');
    assert.deepEqual(dateNamed('All times in PST, on February 8th 2019'), { year: 2019, month: 2, day: 8 });
    assert.deepEqual(dateNamed('October 21, 2025 - Redis Overload'), { year: 2025, month: 10, day: 21 });
    assert.equal(isDatePlaceholder('YYYY-MM-DD+1'), true);
    assert.equal(isDatePlaceholder('2024-01-02'), false);
  });

  it('reads only the start of a long line: linear time', () => {
    const line = `14:32 ${'a '.repeat(200_000)}`;
    const start = performance.now();
    for (let i = 0; i < 1000; i++) read(line);
    assert.ok(performance.now() - start < 1000);
    assert.equal(read(`${'['.repeat(50_000)}14:32`), undefined);
  });
});

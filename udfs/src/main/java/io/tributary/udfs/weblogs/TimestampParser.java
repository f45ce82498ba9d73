package io.tributary.udfs.weblogs;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Parses {@code dd/MMM/yyyy:HH:mm:ss ±hhmm} without allocating formatters. */
final class TimestampParser {
    private static final byte[] MONTHS =
            "JanFebMarAprMayJunJulAugSepOctNovDec".getBytes(StandardCharsets.US_ASCII);
    private static final int LENGTH = "17/May/2015:10:05:03 +0000".length();

    private TimestampParser() {}

    /**
     * Parses the ASCII timestamp {@code s[from, to)} into the fields' instant and offset; false
     * when it is not a valid timestamp.
     */
    static boolean parse(byte[] s, int from, int to, LineFields fields) {
        if (to - from != LENGTH
                || s[from + 2] != '/'
                || s[from + 6] != '/'
                || s[from + 11] != ':'
                || s[from + 14] != ':'
                || s[from + 17] != ':'
                || s[from + 20] != ' ') {
            return false;
        }
        int day = digits(s, from, 2);
        int month = month(s, from + 3);
        int year = digits(s, from + 7, 4);
        int hour = digits(s, from + 12, 2);
        int minute = digits(s, from + 15, 2);
        int second = digits(s, from + 18, 2);
        byte sign = s[from + 21];
        int offsetHours = digits(s, from + 22, 2);
        int offsetMinutes = digits(s, from + 24, 2);
        if (day < 1
                || month < 1
                || year < 0
                || hour < 0
                || hour > 23
                || minute < 0
                || minute > 59
                || second < 0
                || second > 60
                || (sign != '+' && sign != '-')
                || offsetHours < 0
                || offsetHours > 18
                || offsetMinutes < 0
                || offsetMinutes > 59
                || day > daysInMonth(year, month)) {
            return false;
        }
        int offsetSeconds = (sign == '-' ? -1 : 1) * (offsetHours * 3600 + offsetMinutes * 60);
        long localSeconds =
                daysFromCivil(year, month, day) * 86_400L
                        + hour * 3600L
                        + minute * 60L
                        + Math.min(second, 59);
        fields.epochMillis = (localSeconds - offsetSeconds) * 1000L;
        fields.offsetSeconds = offsetSeconds;
        return true;
    }

    private static int digits(byte[] s, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            byte ch = s[i];
            if (ch < '0' || ch > '9') {
                return -1;
            }
            value = value * 10 + (ch - '0');
        }
        return value;
    }

    private static int month(byte[] s, int from) {
        for (int m = 0; m < 12; m++) {
            if (Arrays.equals(MONTHS, m * 3, m * 3 + 3, s, from, from + 3)) {
                return m + 1;
            }
        }
        return -1;
    }

    private static int daysInMonth(int year, int month) {
        switch (month) {
            case 2:
                boolean leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
                return leap ? 29 : 28;
            case 4:
            case 6:
            case 9:
            case 11:
                return 30;
            default:
                return 31;
        }
    }

    /** Days since 1970-01-01 of the calendar date an instant has at a UTC offset. */
    static int epochDay(long epochMillis, int offsetSeconds) {
        long localSeconds = Math.floorDiv(epochMillis, 1000L) + offsetSeconds;
        return (int) Math.floorDiv(localSeconds, 86_400L);
    }

    /** Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's algorithm). */
    static long daysFromCivil(int year, int month, int day) {
        int y = month <= 2 ? year - 1 : year;
        int era = Math.floorDiv(y, 400);
        int yearOfEra = y - era * 400;
        int dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1;
        int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
        return era * 146_097L + dayOfEra - 719_468L;
    }
}

import type { DataSource } from 'typeorm';

/**
 * SQL for the China day (YYYY-MM-DD) of a datetime column, so a report can group by day in the database on both
 * dialects. Datetimes are stored in UTC (SQLite text, MySQL/MariaDB on a UTC connection); China has no daylight
 * saving, so the day is the UTC time plus 8 hours.
 */
export function chinaDaySql(dataSource: DataSource, column: string): string {
  return dataSource.driver.options.type === 'better-sqlite3'
    ? `strftime('%Y-%m-%d', ${column}, '+8 hours')`
    : `DATE_FORMAT(DATE_ADD(${column}, INTERVAL 8 HOUR), '%Y-%m-%d')`;
}

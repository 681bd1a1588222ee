import { type Column, type SQL, sql, type Table } from 'drizzle-orm';

/**
 * `"table"."column"` for a correlated subquery: drizzle writes a column of a one-table select without
 * its table, and inside a subquery over another table that name means the subquery's column.
 */
export function qualified(table: Table, column: Column): SQL {
  return sql`${table}.${sql.identifier(column.name)}`;
}

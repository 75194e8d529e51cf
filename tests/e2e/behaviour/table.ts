/** The behaviour table: every row, in the order the summary lists them. */
import type { Row } from "./model";
import { replaceRows } from "./rows/replace";

export const ROWS: Row[] = [...replaceRows];

/** The behaviour table: every row, in the order the summary lists them. */
import type { Row } from "./model";
import { importRows } from "./rows/imports";
import { installRows } from "./rows/install";
import { optionRows } from "./rows/options";
import { replaceRows } from "./rows/replace";
import { secretRows } from "./rows/secrets";
import { unknownRows } from "./rows/unknowns";

export const ROWS: Row[] = [...replaceRows, ...unknownRows, ...optionRows, ...importRows, ...secretRows, ...installRows];

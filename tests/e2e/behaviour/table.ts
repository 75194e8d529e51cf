/** The behaviour table: every row, in the order the summary lists them. */
import type { Row } from "./model";
import { importRows } from "./rows/imports";
import { installRows } from "./rows/install";
import { interruptRows } from "./rows/interrupt";
import { optionRows } from "./rows/options";
import { outsideRows } from "./rows/outside";
import { replaceRows } from "./rows/replace";
import { secretRows } from "./rows/secrets";
import { unknownRows } from "./rows/unknowns";
import { workflowRows } from "./rows/workflows";

export const ROWS: Row[] = [
  ...interruptRows,
  ...replaceRows,
  ...unknownRows,
  ...optionRows,
  ...workflowRows,
  ...outsideRows,
  ...importRows,
  ...secretRows,
  ...installRows,
];

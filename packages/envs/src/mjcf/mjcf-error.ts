// The error every MJCF problem throws: it names the element, the attribute (if any) and the source line.

/** Where in the XML source a problem sits. */
export interface MjcfLocation {
  /** The element's tag, e.g. `geom`. */
  element: string;
  /** The attribute's name, when the problem is in one attribute. */
  attribute?: string;
  /** 1-based line in the XML source. */
  line: number;
}

/** A malformed or unsupported MJCF input. The message reads `MJCF <geom> attribute "size" (line 12): ...`. */
export class MjcfError extends Error {
  readonly element: string;
  readonly attribute: string | undefined;
  readonly line: number;

  constructor(location: MjcfLocation, problem: string) {
    const where =
      location.attribute === undefined
        ? `MJCF <${location.element}> (line ${location.line})`
        : `MJCF <${location.element}> attribute "${location.attribute}" (line ${location.line})`;
    super(`${where}: ${problem}`);
    this.name = 'MjcfError';
    this.element = location.element;
    this.attribute = location.attribute;
    this.line = location.line;
  }
}

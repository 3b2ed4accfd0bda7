// Reads and validates the attributes of one MJCF element: numbers with arity, enums, booleans, unknown-attribute checks.
import { MjcfError } from './mjcf-error.js';
import type { MjcfIgnored } from './mjcf-model.js';
import type { XmlAttribute, XmlElement } from './xml-tree.js';

/** Which attributes an element accepts: `supported` ones are read, `ignored` ones are recorded and skipped. */
export interface AttributeSpec {
  supported: readonly string[];
  ignored?: readonly string[];
}

const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Values of one attribute from least to most specific: the default classes from `main` down, then the element's
 * own. The last layer wins; vector attributes read with `padded` overlay every layer entry by entry, as MuJoCo does
 * (e.g. `friction="0.9"` over a class's `friction=".7 .1 .1"` gives (0.9, 0.1, 0.1)).
 */
export type AttributeLayers = Map<string, XmlAttribute[]>;

/** The attributes of one element (its own merged over its default class), with typed getters. */
export class AttributeReader {
  private readonly attributes: Map<string, XmlAttribute>;

  constructor(
    readonly element: string,
    readonly line: number,
    private readonly layers: AttributeLayers,
    /** Names written on the element itself (not inherited from a default class). */
    private readonly ownNames: ReadonlySet<string> = new Set(layers.keys()),
  ) {
    this.attributes = new Map([...layers].map(([name, values]) => [name, values[values.length - 1]!]));
  }

  /** Checks every attribute against `spec`; unknown ones throw, ignored ones are appended to `ignored`. */
  static forElement(xml: XmlElement, spec: AttributeSpec, ignored: MjcfIgnored[]): AttributeReader {
    const own: AttributeLayers = new Map();
    for (const [name, attribute] of xml.attributes) {
      if (spec.supported.includes(name)) own.set(name, [attribute]);
      else if (spec.ignored?.includes(name)) ignored.push({ element: xml.name, attribute: name, line: attribute.line });
      else {
        throw new MjcfError(
          { element: xml.name, attribute: name, line: attribute.line },
          `unsupported attribute; expected one of: ${[...spec.supported, ...(spec.ignored ?? [])].join(', ')}`,
        );
      }
    }
    if (xml.text !== '') {
      throw new MjcfError({ element: xml.name, line: xml.line }, `unexpected text content "${xml.text.slice(0, 40)}"`);
    }
    return new AttributeReader(xml.name, xml.line, own);
  }

  /** A reader whose values fall back to `defaults` (a default class's attributes) where this element gives none. */
  withDefaults(defaults: AttributeLayers | undefined): AttributeReader {
    if (!defaults || defaults.size === 0) return this;
    const merged: AttributeLayers = new Map([...defaults].map(([name, values]) => [name, [...values]]));
    for (const [name, values] of this.layers) merged.set(name, [...(merged.get(name) ?? []), ...values]);
    return new AttributeReader(this.element, this.line, merged, this.ownNames);
  }

  /** The attribute layers (for storing in a default class). */
  entries(): AttributeLayers {
    return new Map([...this.layers].map(([name, values]) => [name, [...values]]));
  }

  has(name: string): boolean {
    return this.attributes.has(name);
  }

  /** True when the element itself writes the attribute (rather than inheriting it from a default class). */
  hasOwn(name: string): boolean {
    return this.ownNames.has(name);
  }

  fail(name: string | undefined, problem: string): never {
    const attribute = name === undefined ? undefined : this.attributes.get(name);
    throw new MjcfError(
      { element: this.element, ...(name === undefined ? {} : { attribute: name }), line: attribute?.line ?? this.line },
      problem,
    );
  }

  string(name: string): string | undefined {
    return this.attributes.get(name)?.value;
  }

  required(name: string): string {
    const value = this.string(name);
    if (value === undefined) this.fail(undefined, `missing required attribute "${name}"`);
    return value;
  }

  /** A list of numbers with minArity..maxArity entries, or undefined when absent. */
  numbers(name: string, minArity: number, maxArity: number = minArity): number[] | undefined {
    const attribute = this.attributes.get(name);
    return attribute === undefined ? undefined : this.parseNumbers(name, attribute, minArity, maxArity);
  }

  private parseNumbers(name: string, attribute: XmlAttribute, minArity: number, maxArity: number): number[] {
    const raw = attribute.value;
    const fail = (problem: string): never => {
      throw new MjcfError({ element: this.element, attribute: name, line: attribute.line }, problem);
    };
    const tokens = raw.trim().split(/\s+/).filter((token) => token !== '');
    for (const token of tokens) {
      if (!NUMBER_PATTERN.test(token)) fail(`expected a number, received "${token}" in "${raw}"`);
    }
    if (tokens.length < minArity || tokens.length > maxArity) {
      const expected = minArity === maxArity ? `${minArity}` : `${minArity} to ${maxArity}`;
      fail(`expected ${expected} number(s), received ${tokens.length} in "${raw}"`);
    }
    return tokens.map(Number);
  }

  /** Reads up to `fallback.length` numbers; missing trailing entries keep the fallback's (MuJoCo's rule). */
  padded(name: string, fallback: readonly number[], minArity = 1): number[] {
    const result = [...fallback];
    for (const layer of this.layers.get(name) ?? []) {
      this.parseNumbers(name, layer, minArity, fallback.length).forEach((value, index) => {
        result[index] = value;
      });
    }
    return result;
  }

  number(name: string, fallback: number): number {
    return this.numbers(name, 1)?.[0] ?? fallback;
  }

  int(name: string, fallback: number): number {
    const value = this.number(name, fallback);
    if (!Number.isInteger(value)) this.fail(name, `expected an integer, received ${value}`);
    return value;
  }

  vec3(name: string, fallback: readonly [number, number, number]): [number, number, number] {
    const values = this.numbers(name, 3);
    return values ? [values[0]!, values[1]!, values[2]!] : [fallback[0], fallback[1], fallback[2]];
  }

  pair(name: string, fallback: readonly [number, number]): [number, number] {
    const values = this.numbers(name, 2);
    return values ? [values[0]!, values[1]!] : [fallback[0], fallback[1]];
  }

  choice<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const raw = this.string(name);
    if (raw === undefined) return fallback;
    if (!(values as readonly string[]).includes(raw)) {
      this.fail(name, `expected one of ${values.map((v) => `"${v}"`).join(', ')}, received "${raw}"`);
    }
    return raw as T;
  }

  boolean(name: string, fallback: boolean): boolean {
    return this.choice(name, ['true', 'false'], fallback ? 'true' : 'false') === 'true';
  }

  nonNegative(name: string, fallback = 0): number {
    const value = this.number(name, fallback);
    if (value < 0) this.fail(name, `expected a non-negative value, received ${value}`);
    return value;
  }

  /**
   * MuJoCo's rule for `limited`, `ctrllimited`, `forcelimited` (src/user/user_objects.cc `checklimited`/`islimited`):
   * "true"/"false" as written; "auto" (the default) means limited iff range[0] < range[1], and with
   * compiler autolimits off a range without an explicit flag is an error.
   */
  limited(flagName: string, rangeName: string, range: readonly [number, number], autoLimits: boolean): boolean {
    const flag = this.choice(flagName, ['true', 'false', 'auto'], 'auto');
    if (flag !== 'auto') return flag === 'true';
    const hasRange = !(range[0] === 0 && range[1] === 0);
    if (!autoLimits && hasRange) {
      this.fail(rangeName, `"${rangeName}" is given without "${flagName}" while compiler autolimits is false; set "${flagName}" explicitly`);
    }
    return range[0] < range[1];
  }

  /** Throws when the attribute is present with a value other than the one allowed (a feature outside the subset). */
  onlyValue(name: string, allowed: string, why: string): void {
    const raw = this.string(name);
    if (raw !== undefined && raw.trim() !== allowed) this.fail(name, `only "${allowed}" is supported (${why}), received "${raw}"`);
  }
}

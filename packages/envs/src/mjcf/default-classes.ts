// MJCF `<default>` classes: nested classes inherit their parent's attributes; elements look theirs up by class.
import { AttributeReader, type AttributeLayers, type AttributeSpec } from './attribute-reader.js';
import { DEFAULT_SPEC, DEFAULTABLE } from './element-specs.js';
import { MjcfError } from './mjcf-error.js';
import type { MjcfIgnored } from './mjcf-model.js';
import type { XmlElement } from './xml-tree.js';

/** The name MuJoCo gives the top-level `<default>`. */
export const MAIN_CLASS = 'main';

/** Per class, per element kind (geom, joint, site, motor, tendon): attribute values with inheritance applied. */
export class DefaultClasses {
  private readonly classes = new Map<string, Map<string, AttributeLayers>>();

  constructor() {
    this.classes.set(MAIN_CLASS, new Map());
  }

  /** Reads a top-level `<default>` element and everything nested in it. */
  addTopLevel(element: XmlElement, ignored: MjcfIgnored[]): void {
    this.addClass(element, undefined, ignored);
  }

  has(name: string): boolean {
    return this.classes.has(name);
  }

  /** Attributes of `kind` for class `name` (inherited ones included). */
  lookup(name: string, kind: string): AttributeLayers | undefined {
    return this.classes.get(name)?.get(kind);
  }

  /** The element's reader with its default class applied (explicit `class`, else the inherited childclass). */
  readerFor(element: XmlElement, spec: AttributeSpec, kind: string, inheritedClass: string, ignored: MjcfIgnored[]): AttributeReader {
    const own = AttributeReader.forElement(element, spec, ignored);
    const className = own.string('class') ?? inheritedClass;
    if (!this.has(className)) own.fail('class', `unknown default class "${className}"`);
    return own.withDefaults(this.lookup(className, kind));
  }

  private addClass(element: XmlElement, parent: string | undefined, ignored: MjcfIgnored[]): void {
    const reader = AttributeReader.forElement(element, DEFAULT_SPEC, ignored);
    const given = reader.string('class');
    if (parent !== undefined && given === undefined) {
      reader.fail(undefined, 'a nested <default> needs a "class" attribute');
    }
    const name = given ?? MAIN_CLASS;
    if (parent !== undefined && this.classes.has(name)) reader.fail('class', `default class "${name}" is defined twice`);
    if (parent === undefined && name !== MAIN_CLASS) {
      reader.fail('class', `the top-level <default> is class "${MAIN_CLASS}", received "${name}"`);
    }
    // A class starts as a copy of its parent's resolved attributes, then its own override them.
    const inherited = parent === undefined ? this.classes.get(MAIN_CLASS)! : this.classes.get(parent)!;
    const resolved = new Map<string, AttributeLayers>();
    for (const [kind, attributes] of inherited) {
      resolved.set(kind, new Map([...attributes].map(([attribute, layers]) => [attribute, [...layers]])));
    }
    this.classes.set(name, resolved);

    for (const child of element.children) {
      if (child.name === 'default') continue;
      const spec = DEFAULTABLE[child.name];
      if (!spec) {
        throw new MjcfError(
          { element: child.name, line: child.line },
          `unsupported element inside <default>; expected one of: default, ${Object.keys(DEFAULTABLE).join(', ')}`,
        );
      }
      if (child.children.length > 0) {
        throw new MjcfError({ element: child.children[0]!.name, line: child.children[0]!.line }, `unexpected element inside <default><${child.name}>`);
      }
      const own = AttributeReader.forElement(child, spec, ignored).entries();
      const merged: AttributeLayers = resolved.get(child.name) ?? new Map();
      for (const [attribute, layers] of own) merged.set(attribute, [...(merged.get(attribute) ?? []), ...layers]);
      resolved.set(child.name, merged);
    }
    for (const child of element.children) {
      if (child.name === 'default') this.addClass(child, name, ignored);
    }
  }
}

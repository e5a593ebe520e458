import { buildGadget, GADGET_NAME } from '../../../scripts/gadget/build';

/** A definition line's options, e.g. `namespaces` → ['200']. */
function options(line: string): Map<string, string[]> {
  const inside = /^\* [^[]+\[([^\]]*)\]/.exec(line)?.[1] ?? '';
  return new Map(
    inside.split('|').map((o) => {
      const [key = '', value = ''] = o.split('=');
      return [key.trim(), value.split(',').filter((v) => v !== '')];
    }),
  );
}

describe("the loader's Gadgets-definition line", () => {
  it('loads by default only where the program lives: the Grants namespace (200), reading', async () => {
    const { definitionLine } = await buildGadget();
    const loader = definitionLine.split('\n').find((l) => l.startsWith(`* ${GADGET_NAME}[`));
    expect(loader).toBeDefined();
    const o = options(loader!);
    expect(o.has('default')).toBe(true);
    expect(o.get('namespaces')).toEqual(['200']);
    expect(o.get('actions')).toEqual(['view']);
  });
});

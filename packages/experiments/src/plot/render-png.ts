// Rasterises SVG text to PNG bytes with resvg (a Rust SVG renderer; fonts come from the system, DejaVu Sans preferred).
import { Resvg } from '@resvg/resvg-js';

/** PNG bytes of the SVG at `scale` times its own width and height (default 2, for sharp text). */
export function svgToPng(svg: string, scale = 2): Uint8Array {
  if (!(scale > 0 && scale <= 8)) throw new Error(`svgToPng: scale must be a number in (0, 8], received ${scale}`);
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    background: 'white',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans', sansSerifFamily: 'DejaVu Sans' },
  });
  return new Uint8Array(resvg.render().asPng());
}

/** The catalog both stores sell (prices in each store's currency, integer cents). */
import type { ProductRec } from './types';

interface CatalogLine {
  id: number;
  name: string;
  sku: string;
  usd: number;
  eur: number;
  brand: string;
  colour: string;
}

const CATALOG: CatalogLine[] = [
  {
    id: 101,
    name: 'Trail Runner Jacket',
    sku: 'CC-TRJ-01',
    usd: 12900,
    eur: 11900,
    brand: 'Cooper & Co',
    colour: '#2f5d62',
  },
  {
    id: 102,
    name: 'Merino Base Layer',
    sku: 'CC-MBL-02',
    usd: 6400,
    eur: 5900,
    brand: 'Cooper & Co',
    colour: '#5e8b7e',
  },
  { id: 103, name: 'Canvas Field Pack', sku: 'CC-CFP-03', usd: 8900, eur: 8400, brand: 'Ridgeway', colour: '#a7c4bc' },
  { id: 104, name: 'Waxed Cotton Cap', sku: 'CC-WCC-04', usd: 2800, eur: 2600, brand: 'Ridgeway', colour: '#c9a66b' },
  {
    id: 105,
    name: 'Alpine Wool Socks (3-pack)',
    sku: 'CC-AWS-05',
    usd: 2400,
    eur: 2200,
    brand: 'Cooper & Co',
    colour: '#8d6e63',
  },
  {
    id: 106,
    name: 'Insulated Bottle 750 ml',
    sku: 'CC-IB7-06',
    usd: 3400,
    eur: 3100,
    brand: 'Summit',
    colour: '#546e7a',
  },
  { id: 107, name: 'Ridge Hiking Boots', sku: 'CC-RHB-07', usd: 18900, eur: 17900, brand: 'Summit', colour: '#6d4c41' },
  {
    id: 108,
    name: 'Packable Rain Shell',
    sku: 'CC-PRS-08',
    usd: 9900,
    eur: 9400,
    brand: 'Cooper & Co',
    colour: '#1e88e5',
  },
  { id: 109, name: 'Fleece Half-Zip', sku: 'CC-FHZ-09', usd: 7400, eur: 6900, brand: 'Ridgeway', colour: '#ef6c00' },
  { id: 110, name: 'Enamel Camp Mug Set', sku: 'CC-ECM-10', usd: 3200, eur: 2900, brand: 'Summit', colour: '#78909c' },
  {
    id: 111,
    name: 'Full-Grain Leather Belt',
    sku: 'CC-FLB-11',
    usd: 5600,
    eur: 5200,
    brand: 'Cooper & Co',
    colour: '#4e342e',
  },
  { id: 112, name: 'Down Vest', sku: 'CC-DV-12', usd: 11900, eur: 10900, brand: 'Summit', colour: '#37474f' },
];

export function catalogFor(currency: 'USD' | 'EUR'): ProductRec[] {
  return CATALOG.map((line) => ({
    id: line.id,
    name: line.name,
    sku: line.sku,
    priceCents: currency === 'USD' ? line.usd : line.eur,
    brand: line.brand,
    image: `p${line.id}.svg`,
    colour: line.colour,
  }));
}

/** Product options shown on some order lines. */
export const LINE_OPTIONS: Record<number, Array<{ display_name: string; display_value: string }>> = {
  101: [
    { display_name: 'Size', display_value: 'M' },
    { display_name: 'Colour', display_value: 'Spruce' },
  ],
  102: [{ display_name: 'Size', display_value: 'S' }],
  107: [{ display_name: 'Size', display_value: '9.5' }],
  109: [
    { display_name: 'Size', display_value: 'L' },
    { display_name: 'Colour', display_value: 'Ember' },
  ],
  112: [{ display_name: 'Size', display_value: 'M' }],
};

/**
 * The part of @tgwf/co2 (which ships no types) that src/lib/carbon.ts uses: the Sustainable Web
 * Design model with ratings. See https://developers.thegreenwebfoundation.org/co2js/.
 */
declare module '@tgwf/co2' {
  export type SwdRating = 'A+' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

  export interface Co2Options {
    model?: 'swd' | '1byte';
    version?: 3 | 4;
    rating?: boolean;
    results?: 'segment';
  }

  export class co2 {
    constructor(options?: Co2Options);
    /** Grams of CO2e for `bytes` transferred in one visit; with `rating: true`, with its letter. */
    perVisit(bytes: number, green?: boolean): number | { total: number; rating: SwdRating };
    perByte(bytes: number, green?: boolean): number | { total: number; rating: SwdRating };
  }
}

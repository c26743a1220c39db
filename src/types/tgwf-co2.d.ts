/**
 * Types for the part of @tgwf/co2 (CO2.js) that Greenpath uses; the package ships JavaScript only.
 * See https://developers.thegreenwebfoundation.org/co2js/ for the full API.
 */
declare module '@tgwf/co2' {
  export interface CO2Options {
    /** `swd`: the Sustainable Web Design Model; `1byte`: the OneByte model. */
    model?: 'swd' | '1byte';
    /** The SWD model version. */
    version?: 3 | 4;
    /** Adds the SWD digital carbon rating (`A+` to `F`) to each result. */
    rating?: boolean;
    /** `segment` breaks each result down by segment (data centre, network, device). */
    results?: 'segment';
  }

  /** The SWD digital carbon rating, best to worst. */
  export type SwdRating = 'A+' | 'A' | 'B' | 'C' | 'D' | 'E' | 'F';

  /** A result with `rating: true` and/or `results: 'segment'`; grams of CO2e. */
  export interface CO2Estimate {
    total: number;
    rating?: SwdRating;
    dataCenterOperationalCO2e?: number;
    networkOperationalCO2e?: number;
    consumerDeviceOperationalCO2e?: number;
    dataCenterEmbodiedCO2e?: number;
    networkEmbodiedCO2e?: number;
    consumerDeviceEmbodiedCO2e?: number;
  }

  export class co2 {
    constructor(options?: CO2Options);
    /** Grams of CO2e for transferring `bytes`; `green` when the host runs on green energy. */
    perByte(bytes: number, green?: boolean): number | CO2Estimate;
    perVisit(bytes: number, green?: boolean): number | CO2Estimate;
    /**
     * The model instance behind the estimates. `ratingScale` is the SWD models' own grading of a
     * gram figure (checked with @tgwf/co2 0.19.0; src/lib/swd-rating.ts reads the bands from it).
     */
    readonly model: { ratingScale(co2e: number): SwdRating };
  }
}

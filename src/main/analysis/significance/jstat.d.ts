/**
 * jstat 1.9.6 ships no type declarations (and there is no @types package for it). This declares
 * only the distribution functions the significance tests call, through distributions.ts, so
 * nothing else in the code base can reach the untyped library by accident.
 */
declare module 'jstat' {
  interface JStatDistributions {
    normal: {
      cdf(x: number, mean: number, sd: number): number;
      inv(p: number, mean: number, sd: number): number;
    };
    studentt: { cdf(x: number, dof: number): number };
    chisquare: { cdf(x: number, dof: number): number };
  }
  const jStat: JStatDistributions;
  export default jStat;
}

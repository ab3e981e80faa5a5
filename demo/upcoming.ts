// The one library function the demo uses that is not on main yet: selectEstimator,
// which issue 3 (KSG) adds along with mutualInformation's continuous estimators.
// compute.ts reaches it through this type and reports its absence on the page;
// this file goes once issue 3 is on main.
export interface Upcoming {
  selectEstimator(x: ArrayLike<number | string>, y: ArrayLike<number | string>): { estimator: string; reason: string };
}

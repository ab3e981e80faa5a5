// The tasks a pool worker can run, by name. Each takes a structured-cloneable payload
// and returns a number.
import { mutualInfoScore } from '../estimators/mutualInfoScore.js';

export const TASKS = {
  /** Plug-in MI of two label arrays (used to test the pool itself). */
  discreteMI: (p: { a: Int32Array; b: Int32Array }) => mutualInfoScore(p.a, p.b),
};

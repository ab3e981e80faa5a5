// Types for kd-tree-javascript 1.0.3 (ubilabs), which ships none: only what src/backend/js/knn.ts uses.
declare module 'kd-tree-javascript' {
  export class kdTree<T> {
    constructor(points: T[], metric: (a: T, b: T) => number, dimensions: (string | number)[]);
    /** The maxNodes nearest points with their distances, in heap order; the query itself included. */
    nearest(point: T, maxNodes: number, maxDistance?: number): [T, number][];
  }
}

// Data past one machine's memory: Arrow input, mergeable count tables, SQL engines.
// Nothing here imports apache-arrow or @duckdb/node-api statically.
export { ContingencyTable } from './contingencyTable.js';
export type {
  ContingencyTableJSON,
  CountRow,
  TableEntropyOptions,
  TableMeasureOptions,
  TableScoreOptions,
  TableVariables,
} from './tableOptions.js';
export { isArrowTable, isArrowVector, type ArrowTableLike, type ArrowVectorLike } from './arrow.js';
export { countQuery, SQL_DIALECTS, type CountQueryOptions, type SqlColumn, type SqlDialect } from './sql.js';
export {
  mutualInformationFromSql,
  countTablesFromSql,
  type CountTablesFromSqlOptions,
  type CountedTables,
  type CountedColumn,
  type DuckDBConnectionLike,
  type MutualInformationFromSqlOptions,
  type SqlCountOptions,
  type SqlFeatureScore,
  type SqlSource,
} from './duckdb.js';
export { selectFeaturesFromSql, type SelectFeaturesFromSqlOptions, type SqlSelectedFeatures } from './selectFromSql.js';
export {
  subsampledMutualInformation,
  type SubsampledMutualInformation,
  type SubsampledMutualInformationOptions,
} from './sample.js';

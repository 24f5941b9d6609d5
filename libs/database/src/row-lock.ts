/** How a repository read locks what it reads; named, so a call says what it asks for. */
export interface RowLock {
  /** Inside a transaction: hold the rows read until it ends (`FOR UPDATE`), before changing them. */
  forUpdate?: boolean;
}

/** The BullMQ queue whose jobs run a comparison (one job per comparison, its id the comparison's). */
export const COMPARISONS_QUEUE = 'comparisons';

export interface ComparisonJobData {
  comparisonId: string;
}

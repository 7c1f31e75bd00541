declare module 'parse-prometheus-text-format' {
  /** Metric families of a Prometheus text exposition (a histogram's samples carry `buckets`, `count`, `sum`). */
  export default function parsePrometheusTextFormat(text: string): Array<{
    name: string;
    help: string;
    type: string;
    metrics: Array<{
      labels?: Record<string, string>;
      value?: string;
      count?: string;
      sum?: string;
      buckets?: Record<string, string>;
    }>;
  }>;
}

package io.tributary.pipelines.metrics.internal;

import io.tributary.pipelines.metrics.prometheus.PrometheusClient;
import io.tributary.pipelines.metrics.prometheus.QueryRangeResponse;
import io.tributary.pipelines.metrics.prometheus.RangeQuery;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFlatMapFunction;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/** Calls each range query of a backfill and emits its samples as {@link SampleRows}. */
@Internal
public final class ReadRangeQueries extends RichFlatMapFunction<RangeQuery, RowData> {
    private static final long serialVersionUID = 1L;

    private final String url;
    private final String origin;
    private transient PrometheusClient client;

    public ReadRangeQueries(String url, String origin) {
        this.url = url;
        this.origin = origin;
    }

    @Override
    public void open(OpenContext context) {
        client = new PrometheusClient(url);
    }

    @Override
    public void flatMap(RangeQuery query, Collector<RowData> out) throws Exception {
        QueryRangeResponse.read(
                client.queryRange(query),
                query.metric,
                client.address(query),
                origin,
                out::collect);
    }
}

package io.tributary.pipelines.metrics.internal;

import io.tributary.pipelines.metrics.prometheus.QueryRangeResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.functions.FlatMapFunction;
import org.apache.flink.api.java.tuple.Tuple2;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.data.RowData;
import org.apache.flink.util.Collector;

/**
 * Reads landing files, each a saved {@code query_range} response (plain or {@code .gz}), and emits
 * their samples as {@link SampleRows}. The input is (metric, file): the folder below {@code
 * <landing>/metrics/} names the metric; a file with no such folder (metric {@code ""}) is one
 * reject row.
 */
@Internal
public final class ReadResponseFiles implements FlatMapFunction<Tuple2<String, String>, RowData> {
    private static final long serialVersionUID = 1L;

    private final String origin;

    public ReadResponseFiles(String origin) {
        this.origin = origin;
    }

    @Override
    public void flatMap(Tuple2<String, String> input, Collector<RowData> out) throws IOException {
        String metric = input.f0;
        String file = input.f1;
        if (metric.isEmpty()) {
            out.collect(
                    SampleRows.reject(
                            null,
                            null,
                            null,
                            null,
                            file,
                            0,
                            origin,
                            "a landing file belongs in a folder named after its metric:"
                                    + " <landing>/metrics/<metric>/<file>.json"));
            return;
        }
        QueryRangeResponse.read(read(new Path(file)), metric, file, origin, out::collect);
    }

    private static String read(Path path) throws IOException {
        try (InputStream raw = path.getFileSystem().open(path);
                InputStream in = path.getName().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}

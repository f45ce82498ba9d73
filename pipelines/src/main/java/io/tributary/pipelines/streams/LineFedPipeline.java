package io.tributary.pipelines.streams;

import io.tributary.pipelines.runtime.BackfillScope;
import io.tributary.pipelines.runtime.DeclaredPipeline;
import java.util.Map;
import java.util.OptionalLong;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.Configuration;

/**
 * A pipeline fed by text lines ({@link LineSources}): a backfill reads its landing files, and its
 * bronze and silver lose only the rows of the files it read.
 */
@Internal
public interface LineFedPipeline extends DeclaredPipeline {
    /** Where the pipeline's lines come from. */
    LineSources lineSources();

    /** A backfill reads its landing files. */
    @Override
    default OptionalLong batchInputBytes(Configuration conf) {
        return OptionalLong.of(lineSources().landingBytes(conf));
    }

    /** Bronze and silver lose only the rows of the landing files this backfill read. */
    @Override
    default Map<String, BackfillScope> backfillScopes() {
        return lineSources().backfillScopes();
    }
}

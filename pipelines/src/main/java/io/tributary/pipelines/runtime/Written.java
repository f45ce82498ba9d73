package io.tributary.pipelines.runtime;

import org.apache.flink.annotation.PublicEvolving;

/** What a job wrote to one table: rows and data files. */
@PublicEvolving
public record Written(long rows, long files) {
    Written withRows(long rows) {
        return new Written(rows, files);
    }

    Written withFiles(long files) {
        return new Written(rows, files);
    }
}

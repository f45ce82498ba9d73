package io.tributary.connector.delta.internal;

import java.util.Iterator;
import org.apache.flink.annotation.Internal;
import org.apache.flink.table.data.RowData;

/** The rows of one open data file; closing releases the file before its rows run out. */
@Internal
public interface FileRows extends Iterator<RowData>, AutoCloseable {
    @Override
    void close();
}

package io.tributary.connector.delta.internal;

import org.apache.flink.annotation.Internal;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.hadoop.CodecFactory;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;

/**
 * The page compressor that the open files of one writer share. parquet-mr compresses a page in the
 * writing thread and copies the result out before it compresses the next, so files written by one
 * thread can use one compressor as the columns of one file do. Made per file, it cost a {@link
 * CodecFactory}, a compressor from Hadoop's pool and an output buffer of a page (1 MB) each time: a
 * backfill of 400 days writes 400 small files per table, and streaming opens new files at every
 * checkpoint (docs/benchmarks.md, "Session 40").
 *
 * <p>Files {@link #acquire} it when they open and {@link #release} it when they close; when the
 * last one has, it goes back to Hadoop's pool. Not thread-safe: one writer's thread uses it.
 */
@Internal
final class SharedCompressor {
    private final CompressionCodecName codec;
    private CodecFactory codecs;
    private CodecFactory.BytesCompressor compressor;
    private int users;

    SharedCompressor(CompressionCodecName codec) {
        this.codec = codec;
    }

    /** The compressor, made for the first file that is open at a time. */
    CodecFactory.BytesCompressor acquire(int pageSize) {
        if (users++ == 0) {
            codecs = new CodecFactory(new Configuration(false), pageSize);
            compressor = codecs.getCompressor(codec);
        }
        return compressor;
    }

    /** A file that acquired the compressor is closed; the last one returns it to Hadoop's pool. */
    void release() {
        if (users <= 0) {
            throw new IllegalStateException("released more often than acquired");
        }
        if (--users == 0) {
            CodecFactory released = codecs;
            codecs = null;
            compressor = null;
            released.release();
        }
    }

    /** Files holding the compressor now. */
    int users() {
        return users;
    }
}

package io.tributary.connector.delta.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.parquet.hadoop.CodecFactory;
import org.junit.jupiter.api.Test;

class SharedCompressorTest {
    @Test
    void filesOpenAtOnceGetOneCompressorAndTheNextFileAfterThemANewOne() {
        SharedCompressor shared = DeltaFileWriter.compressor();
        CodecFactory.BytesCompressor first = shared.acquire(1 << 20);
        CodecFactory.BytesCompressor second = shared.acquire(1 << 20);
        assertThat(second).isSameAs(first);
        shared.release();
        shared.release();

        assertThat(shared.users()).isZero();
        assertThat(shared.acquire(1 << 20)).as("made again after release").isNotSameAs(first);
    }

    @Test
    void releasingMoreOftenThanAcquiredIsABug() {
        SharedCompressor shared = DeltaFileWriter.compressor();
        shared.acquire(1 << 20);
        shared.release();

        assertThatThrownBy(shared::release)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("released more often than acquired");
    }
}

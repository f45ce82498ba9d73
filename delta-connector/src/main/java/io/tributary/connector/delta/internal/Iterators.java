package io.tributary.connector.delta.internal;

import io.delta.kernel.utils.CloseableIterator;
import java.util.Iterator;
import org.apache.flink.annotation.Internal;

/** Adapters between Java iterators and Kernel's closeable ones. */
@Internal
public final class Iterators {
    private Iterators() {}

    public static <T> CloseableIterator<T> closeable(Iterator<T> it) {
        return new CloseableIterator<>() {
            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public T next() {
                return it.next();
            }

            @Override
            public void close() {}
        };
    }
}

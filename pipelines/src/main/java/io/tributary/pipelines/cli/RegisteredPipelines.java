package io.tributary.pipelines.cli;

import io.tributary.pipelines.runtime.Pipelines;
import java.util.Iterator;

/**
 * The registered pipelines' names, for picocli's {@code ${COMPLETION-CANDIDATES}} in help texts.
 */
final class RegisteredPipelines implements Iterable<String> {
    @Override
    public Iterator<String> iterator() {
        return Pipelines.names().iterator();
    }
}

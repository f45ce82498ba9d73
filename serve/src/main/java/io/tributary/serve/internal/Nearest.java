package io.tributary.serve.internal;

import io.tributary.pipelines.runtime.KnownSettings;
import java.util.Collection;
import org.apache.flink.annotation.Internal;

/** The valid name nearest a wrong one, for messages that say what was meant. */
@Internal
final class Nearest {
    private Nearest() {}

    static String hint(String wrong, Collection<String> valid) {
        String all = valid.isEmpty() ? "there are none" : "valid: " + String.join(", ", valid);
        return KnownSettings.nearest(wrong, valid)
                .map(v -> "did you mean '" + v + "'? " + all)
                .orElse(all);
    }
}

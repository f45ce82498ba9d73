package io.tributary.pipelines.testutils;

import io.tributary.pipelines.runtime.EmbeddedCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The embedded cluster for a test class's jobs, as the CLI runs them: installed before the class
 * and stopped after it, not by the JVM's exit, which would leave the cluster's folders in {@code
 * /tmp}.
 */
public final class EmbeddedClusterExtension implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        EmbeddedCluster.install();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        EmbeddedCluster.close();
    }
}

package io.tributary.connector.kinesis.testutils;

import io.tributary.connector.kinesis.local.Kinesalite;
import io.tributary.connector.kinesis.local.LocalStreams;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** kinesalite for a test class: {@code @RegisterExtension static LocalKinesis}. */
public final class LocalKinesis implements BeforeAllCallback, AfterAllCallback {
    private Kinesalite kinesalite;
    private LocalStreams streams;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        kinesalite = Kinesalite.start();
        streams = new LocalStreams(kinesalite.endpoint());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        streams.close();
        kinesalite.close();
    }

    public String endpoint() {
        return kinesalite.endpoint();
    }

    public LocalStreams streams() {
        return streams;
    }
}

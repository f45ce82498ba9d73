package io.tributary.connector.delta.testutils;

import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;
import org.jclouds.blobstore.BlobStore;
import org.jclouds.blobstore.domain.Blob;
import org.jclouds.blobstore.domain.PageSet;
import org.jclouds.blobstore.domain.StorageMetadata;
import org.jclouds.blobstore.options.ListContainerOptions;
import org.jclouds.blobstore.options.PutOptions;
import org.jclouds.blobstore.util.ForwardingBlobStore;

/**
 * The in-memory blob store behind {@link InJvmS3}, made to keep the one promise of AWS S3 that
 * S3Proxy does not: a conditional put of a Delta log version is atomic. S3Proxy checks
 * If-None-Match and then stores the object, so two simultaneous puts can both pass the check; here
 * the second store of an existing log version fails (S3Proxy answers it with an error, the writer's
 * commit fails loudly and its job retries). It also counts the keys its listings return, so a test
 * can tell how much of a folder a reader paged through. Nothing else is changed.
 */
final class CreateOnceLogStore extends ForwardingBlobStore {
    private static final Pattern LOG_VERSION = Pattern.compile(".*_delta_log/\\d{20}\\.json");

    private final AtomicLong listedKeys = new AtomicLong();

    CreateOnceLogStore(BlobStore delegate) {
        super(delegate);
    }

    long listedKeys() {
        return listedKeys.get();
    }

    @Override
    public PageSet<? extends StorageMetadata> list(String container, ListContainerOptions options) {
        PageSet<? extends StorageMetadata> page = delegate().list(container, options);
        listedKeys.addAndGet(page.size());
        return page;
    }

    @Override
    public String putBlob(String container, Blob blob) {
        return putBlob(container, blob, PutOptions.NONE);
    }

    @Override
    public synchronized String putBlob(String container, Blob blob, PutOptions options) {
        String name = blob.getMetadata().getName();
        if (LOG_VERSION.matcher(name).matches() && delegate().blobExists(container, name)) {
            throw new IllegalStateException("Delta log version " + name + " exists already");
        }
        return delegate().putBlob(container, blob, options);
    }
}

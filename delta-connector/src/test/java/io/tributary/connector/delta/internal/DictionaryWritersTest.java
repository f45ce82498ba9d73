package io.tributary.connector.delta.internal;

import static org.apache.parquet.column.Encoding.PLAIN_DICTIONARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.BiConsumer;
import org.apache.parquet.bytes.ByteBufferAllocator;
import org.apache.parquet.bytes.HeapByteBufferAllocator;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.values.ValuesWriter;
import org.apache.parquet.column.values.dictionary.DictionaryValuesWriter;
import org.apache.parquet.column.values.fallback.FallbackValuesWriter;
import org.apache.parquet.column.values.plain.PlainValuesWriter;
import org.apache.parquet.io.api.Binary;
import org.junit.jupiter.api.Test;

/**
 * The connector's dictionary writers against parquet-mr's ({@code
 * PlainBinaryDictionaryValuesWriter}, {@code PlainLongDictionaryValuesWriter}) fed the same values,
 * page by page: the data pages, the dictionary page, the moment they give up and the plain pages
 * after.
 */
class DictionaryWritersTest {
    private static final int MAX_DICTIONARY_BYTES = 16 * 1024;

    @Test
    void pagesAndDictionaryAreParquetMrsForRepeatingValues() throws IOException {
        List<Binary> values = values(new Random(7), 30_000, 300, 40, false);

        List<byte[]> ours = write(values, ValuesWriter::writeBytes, ours(), 1_000);
        List<byte[]> theirs = write(values, ValuesWriter::writeBytes, parquetMrs(), 1_000);

        assertThat(ours).hasSize(theirs.size());
        for (int page = 0; page < ours.size(); page++) {
            assertThat(ours.get(page)).as("page %d", page).isEqualTo(theirs.get(page));
        }
    }

    @Test
    void bothGiveUpOnTheSamePageWhenTheDictionaryOutgrowsItsLimit() throws IOException {
        // New values of about 70 bytes keep coming: the 16 KiB dictionary overflows on a later
        // page, after the first has kept it.
        List<Binary> values = values(new Random(11), 20_000, 5_000, 120, true);
        FallbackValuesWriter<?, ?> ours = ours();
        FallbackValuesWriter<?, ?> theirs = parquetMrs();

        List<byte[]> ourPages = write(values, ValuesWriter::writeBytes, ours, 100);
        List<byte[]> theirPages = write(values, ValuesWriter::writeBytes, theirs, 100);

        assertThat(ourPages).hasSameSizeAs(theirPages);
        assertThat(new String(theirPages.get(1), StandardCharsets.US_ASCII))
                .isEqualTo(Encoding.PLAIN_DICTIONARY.name());
        for (int page = 0; page < ourPages.size(); page++) {
            assertThat(ourPages.get(page)).as("page %d", page).isEqualTo(theirPages.get(page));
        }
        assertThat(ours.getEncoding()).isEqualTo(Encoding.PLAIN).isEqualTo(theirs.getEncoding());
    }

    @Test
    void valuesInReusedAndSlicedArraysAreCopiedNotKept() throws IOException {
        byte[] shared = new byte[64];
        List<Binary> values = new ArrayList<>();
        List<Binary> copies = new ArrayList<>();
        Random random = new Random(3);
        for (int i = 0; i < 5_000; i++) {
            String text = "agent/" + random.nextInt(50) + (i % 7 == 0 ? "" : " (x11)");
            byte[] utf8 = text.getBytes(StandardCharsets.UTF_8);
            int offset = 1 + random.nextInt(8);
            System.arraycopy(utf8, 0, shared, offset, utf8.length);
            values.add(Binary.fromReusedByteArray(shared, offset, utf8.length));
            copies.add(Binary.fromConstantByteArray(utf8));
        }

        // The writer sees each value before the array is overwritten, as a column writer does.
        FallbackValuesWriter<?, ?> ours = ours();
        FallbackValuesWriter<?, ?> theirs = parquetMrs();
        for (int i = 0; i < values.size(); i++) {
            rewrite(shared, copies.get(i), values.get(i));
            ours.writeBytes(values.get(i));
            theirs.writeBytes(copies.get(i));
        }
        assertThat(ours.getBytes().toByteArray()).isEqualTo(theirs.getBytes().toByteArray());
        assertThat(dictionary(ours)).isEqualTo(dictionary(theirs));
    }

    @Test
    void longPagesAndDictionaryAreParquetMrsForRunsAndRepeats() throws IOException {
        // A constant (an ingestion time), then times that repeat, in runs and at random.
        Random random = new Random(5);
        List<Long> values = new ArrayList<>();
        for (int i = 0; i < 30_000; i++) {
            values.add(
                    i < 3_000
                            ? 1_733_400_000_000_000L
                            : 1_733_400_000_000_000L + random.nextInt(400) * 1_000_000L);
        }
        assertSamePages(values, 1_000);
    }

    @Test
    void longDictionariesGiveUpOnTheSamePage() throws IOException {
        // Line numbers: every value new, 8 bytes each: the 16 KiB dictionary holds 2,048.
        List<Long> values = new ArrayList<>();
        for (long i = 0; i < 20_000; i++) {
            values.add(i / 3);
        }
        List<byte[]> pages = assertSamePages(values, 500);
        assertThat(new String(pages.get(1), StandardCharsets.US_ASCII))
                .isEqualTo(Encoding.PLAIN_DICTIONARY.name());
        // A later page is plain: the dictionary was given up after the first.
        assertThat(pages)
                .map(page -> new String(page, StandardCharsets.US_ASCII))
                .contains(Encoding.PLAIN.name());
    }

    private static List<byte[]> assertSamePages(List<Long> values, int pageSize)
            throws IOException {
        List<byte[]> ours =
                write(
                        values,
                        ValuesWriter::writeLong,
                        withFallBack(LongDictionaryWriter::new),
                        pageSize);
        List<byte[]> theirs =
                write(
                        values,
                        ValuesWriter::writeLong,
                        withFallBack(
                                (max, allocator) ->
                                        new DictionaryValuesWriter.PlainLongDictionaryValuesWriter(
                                                max,
                                                PLAIN_DICTIONARY,
                                                PLAIN_DICTIONARY,
                                                allocator)),
                        pageSize);
        assertThat(ours).hasSameSizeAs(theirs);
        for (int page = 0; page < ours.size(); page++) {
            assertThat(ours.get(page)).as("page %d", page).isEqualTo(theirs.get(page));
        }
        return theirs;
    }

    @Test
    void aValueInADirectBufferIsReadThroughItsBytes() throws IOException {
        ByteBuffer direct = ByteBuffer.allocateDirect(16);
        direct.put("GET".getBytes(StandardCharsets.US_ASCII)).flip();
        FallbackValuesWriter<?, ?> ours = ours();
        FallbackValuesWriter<?, ?> theirs = parquetMrs();
        for (Binary value :
                List.of(Binary.fromConstantByteBuffer(direct), Binary.fromString("POST"))) {
            ours.writeBytes(value);
            theirs.writeBytes(value);
        }
        assertThat(ours.getBytes().toByteArray()).isEqualTo(theirs.getBytes().toByteArray());
        assertThat(dictionary(ours)).isEqualTo(dictionary(theirs));
    }

    @Test
    void equalValuesHashAlikeWhateverTheirOffset() {
        byte[] a = "xxHTTP/1.1 with a tail of some length".getBytes(StandardCharsets.US_ASCII);
        byte[] b = "HTTP/1.1 with a tail of some length".getBytes(StandardCharsets.US_ASCII);
        assertThat(BinaryDictionaryWriter.hash(a, 2, b.length))
                .isEqualTo(BinaryDictionaryWriter.hash(b, 0, b.length));
        assertThat(BinaryDictionaryWriter.hash(b, 0, 8))
                .isNotEqualTo(BinaryDictionaryWriter.hash(b, 0, 9));
    }

    /**
     * Data pages (and the dictionary page last, when one is kept) as a column writer takes them.
     */
    private static <T> List<byte[]> write(
            List<T> values,
            BiConsumer<ValuesWriter, T> write,
            FallbackValuesWriter<?, ?> writer,
            int pageSize)
            throws IOException {
        List<byte[]> pages = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            write.accept(writer, values.get(i));
            if ((i + 1) % pageSize == 0 || i == values.size() - 1) {
                pages.add(writer.getBytes().toByteArray());
                pages.add(writer.getEncoding().name().getBytes(StandardCharsets.US_ASCII));
                writer.reset();
            }
        }
        byte[] dictionary = dictionary(writer);
        if (dictionary != null) {
            pages.add(dictionary);
        }
        return pages;
    }

    /** The dictionary page: its entry count, its encoding and its bytes; null when none is kept. */
    private static byte[] dictionary(ValuesWriter writer) throws IOException {
        DictionaryPage page = writer.toDictPageAndClose();
        if (page == null) {
            return null;
        }
        byte[] bytes = page.getBytes().toByteArray();
        return ByteBuffer.allocate(bytes.length + 8)
                .putInt(page.getDictionarySize())
                .putInt(page.getEncoding().ordinal())
                .put(bytes)
                .array();
    }

    private static void rewrite(byte[] shared, Binary expected, Binary view) {
        ByteBuffer target = view.toByteBuffer();
        System.arraycopy(expected.getBytes(), 0, shared, target.position(), expected.length());
    }

    /**
     * {@code count} values drawn from {@code distinct} strings of up to {@code maxLength}
     * characters; when {@code growing}, the i-th value from the first i / 8 strings only.
     */
    private static List<Binary> values(
            Random random, int count, int distinct, int maxLength, boolean growing) {
        List<String> pool = new ArrayList<>();
        for (int i = 0; i < distinct; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(maxLength + 1);
            for (int c = 0; c < length; c++) {
                s.append((char) (random.nextInt(3) == 0 ? 'é' : 'a' + random.nextInt(26)));
            }
            pool.add(s.toString());
        }
        List<Binary> values = new ArrayList<>();
        String last = pool.get(0);
        for (int i = 0; i < count; i++) {
            // Runs of one value, as a sorted or partitioned column has, and values at random.
            if (random.nextInt(4) != 0) {
                int bound = growing ? Math.max(1, Math.min(distinct, i / 8)) : distinct;
                last = pool.get(random.nextInt(bound));
            }
            values.add(Binary.fromString(last));
        }
        return values;
    }

    private static FallbackValuesWriter<?, ?> ours() {
        return withFallBack(BinaryDictionaryWriter::new);
    }

    private static FallbackValuesWriter<?, ?> parquetMrs() {
        return withFallBack(
                (max, allocator) ->
                        new DictionaryValuesWriter.PlainBinaryDictionaryValuesWriter(
                                max, PLAIN_DICTIONARY, PLAIN_DICTIONARY, allocator));
    }

    /** A dictionary writer of version-1 pages, theirs or ours. */
    private interface Dictionary {
        DictionaryValuesWriter create(int maxDictionaryByteSize, ByteBufferAllocator allocator);
    }

    /** The dictionary falling back to plain pages, as parquet-mr's default writers are built. */
    private static FallbackValuesWriter<?, ?> withFallBack(Dictionary dictionary) {
        return FallbackValuesWriter.of(
                dictionary.create(MAX_DICTIONARY_BYTES, new HeapByteBufferAllocator()), plain());
    }

    private static PlainValuesWriter plain() {
        return new PlainValuesWriter(64, 1 << 20, new HeapByteBufferAllocator());
    }
}

package io.tributary.pipelines.retail.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.flink.annotation.Internal;
import org.apache.flink.api.common.io.compression.InflaterInputStreamFactory;
import org.apache.flink.connector.file.src.compression.StandardDeCompressors;
import org.apache.flink.core.fs.Path;
import org.apache.flink.table.functions.ScalarFunction;

/**
 * {@code csv_header(source_file)}: the first line of a landing file whose name ends in {@code .csv}
 * (before any compression suffix), {@code NULL} for any other source (JSON lines, a stream). Each
 * file's header is read once per task, wherever the file's lines are read from, so it does not
 * matter which reader got the header line itself.
 */
@Internal
public final class CsvHeaderFunction extends ScalarFunction {
    public static final String NAME = "csv_header";
    private static final int CACHED_FILES = 1_000;

    private transient Map<String, String> headers;

    public String eval(String sourceFile) {
        if (sourceFile == null || !isCsv(sourceFile)) {
            return null;
        }
        if (headers == null) {
            headers =
                    new LinkedHashMap<>(16, 0.75f, true) {
                        @Override
                        protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                            return size() > CACHED_FILES;
                        }
                    };
        }
        return headers.computeIfAbsent(sourceFile, CsvHeaderFunction::firstLine);
    }

    static boolean isCsv(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        if (dot > 0
                && StandardDeCompressors.getDecompressorForExtension(name.substring(dot + 1))
                        != null) {
            name = name.substring(0, dot);
        }
        return name.endsWith(".csv");
    }

    private static String firstLine(String file) {
        Path path = new Path(file);
        try {
            InputStream raw = path.getFileSystem().open(path);
            InflaterInputStreamFactory<?> inflater =
                    StandardDeCompressors.getDecompressorForFileName(path.getPath());
            try (BufferedReader reader =
                    new BufferedReader(
                            new InputStreamReader(
                                    inflater == null ? raw : inflater.create(raw),
                                    StandardCharsets.UTF_8))) {
                String line = reader.readLine();
                return line == null ? "" : line;
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the CSV header of " + file, e);
        }
    }
}

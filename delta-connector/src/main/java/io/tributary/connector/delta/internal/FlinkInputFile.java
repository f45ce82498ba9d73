package io.tributary.connector.delta.internal;

import io.delta.kernel.defaults.engine.fileio.SeekableInputStream;
import io.delta.kernel.defaults.engine.hadoopio.HadoopInputFile;
import java.io.IOException;
import org.apache.flink.annotation.Internal;
import org.apache.flink.core.fs.Path;
import org.apache.hadoop.conf.Configuration;

/**
 * A file Delta Kernel reads (a data file's Parquet, a log checkpoint) through Flink's file system.
 *
 * <p>It extends Kernel's Hadoop input file for one reason: Kernel hands the Parquet reader the
 * Hadoop configuration of a {@code HadoopInputFile}, and for any other input file it builds a new
 * {@code Configuration}, which looks up and parses {@code core-default.xml} and {@code
 * core-site.xml} across the whole class path for every file opened. Reading a table of a few
 * hundred small files spent more time there than in Parquet. Here each file gets a copy of one
 * configuration parsed once per JVM; the bytes never go through Hadoop's file system.
 */
@Internal
final class FlinkInputFile extends HadoopInputFile {
    private final Path path;
    private final long size;

    FlinkInputFile(Path path, long size) {
        super(null, null, size);
        this.path = path;
        this.size = size;
    }

    @Override
    public long length() throws IOException {
        return size >= 0 ? size : FlinkFileIO.fs(path).getFileStatus(path).getLen();
    }

    @Override
    public String path() {
        return path.toString();
    }

    @Override
    public SeekableInputStream newStream() throws IOException {
        return new BufferedSeekableInputStream(FlinkFileIO.fs(path).open(path), path.toString());
    }

    /**
     * A copy, so that nothing a reader sets is seen by another. Its class loader is this class's: a
     * Hadoop configuration otherwise keeps the context class loader of the thread that made it,
     * which for the first file read in a task is that job's user-code class loader, closed when the
     * job ends, and every later job's Parquet codec lookup would fail on it.
     */
    @Override
    public Configuration configuration() {
        Configuration copy = new Configuration(ParsedOnce.CONFIGURATION);
        copy.setClassLoader(FlinkInputFile.class.getClassLoader());
        return copy;
    }

    /** The configuration parsed once, itself: only for readers that change nothing in it. */
    static Configuration parsedConfiguration() {
        return ParsedOnce.CONFIGURATION;
    }

    private static final class ParsedOnce {
        static final Configuration CONFIGURATION = parsed();

        private static Configuration parsed() {
            Configuration conf = new Configuration();
            conf.setClassLoader(FlinkInputFile.class.getClassLoader());
            conf.size(); // loads the default resources now, once
            return conf;
        }
    }
}

package io.tributary.serve;

import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.ToolProvider;
import io.tributary.serve.bench.ServeBenchCommand;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.apache.flink.annotation.Internal;
import org.apache.flink.configuration.ConfigOption;

/** Joins {@code tributary serve} and {@code tributary bench serve} to the command line. */
@Internal
public final class ServeToolProvider implements ToolProvider {
    @Override
    public String name() {
        return "serve";
    }

    @Override
    public List<ConfigOption<?>> options() {
        return OptionFields.of(ServeOptions.class);
    }

    @Override
    public Callable<Integer> command() {
        return new ServeCommand();
    }

    @Override
    public Optional<Callable<Integer>> benchCommand() {
        return Optional.of(new ServeBenchCommand());
    }
}

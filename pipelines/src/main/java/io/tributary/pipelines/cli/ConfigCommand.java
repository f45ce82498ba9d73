package io.tributary.pipelines.cli;

import io.tributary.pipelines.command.CommonOptions;
import io.tributary.pipelines.command.ResultPrinter;
import io.tributary.pipelines.runtime.OptionFields;
import io.tributary.pipelines.runtime.PipelineProvider;
import io.tributary.pipelines.runtime.Pipelines;
import io.tributary.pipelines.runtime.ToolProvider;
import io.tributary.pipelines.runtime.Tools;
import io.tributary.pipelines.runtime.TributaryOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.HtmlFormatter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "config",
        description =
                "List every tributary.* setting — Tributary's own and each registered "
                        + "pipeline's — with its value in the profile and its description. A profile with any other "
                        + "tributary.* key is refused.")
final class ConfigCommand implements Callable<Integer> {
    @Mixin CommonOptions common;

    @Override
    public Integer call() {
        Configuration conf = common.configuration();
        List<List<Object>> rows = new ArrayList<>();
        addRows(rows, "tributary", OptionFields.of(TributaryOptions.class), conf);
        for (PipelineProvider provider : Pipelines.all()) {
            addRows(rows, provider.name(), provider.options(), conf);
        }
        for (ToolProvider tool : Tools.all()) {
            addRows(rows, tool.name(), tool.options(), conf);
        }
        ResultPrinter.print(
                System.out,
                List.of("for", "key", "value", "description"),
                rows,
                ResultPrinter.Format.TABLE);
        return 0;
    }

    private static void addRows(
            List<List<Object>> rows,
            String owner,
            List<ConfigOption<?>> options,
            Configuration conf) {
        for (ConfigOption<?> option : options) {
            Object value = conf.getOptional(option).orElse(null);
            rows.add(
                    Arrays.asList(
                            owner,
                            option.key(),
                            value == null ? null : String.valueOf(value),
                            firstSentence(
                                    new HtmlFormatter()
                                            .format(option.description())
                                            .replaceAll("<[^>]+>", ""))));
        }
    }

    private static String firstSentence(String text) {
        int end = text.indexOf(". ");
        return end < 0 ? text : text.substring(0, end + 1);
    }
}
